// The JVM launcher: the Java time-skipping test server (installed by npm run setup) on a free
// port, and a TestWorkflowEnvironment on it.
import { spawn } from 'node:child_process';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort, waitForPort } from '../../../temporal/dev-server';

/**
 * Starts the Java time-skipping server ourselves and waits for its port without a deadline the
 * machine's load decides: the SDK's own launcher gives a JVM only 5 s, which a cold start on a
 * busy 2-core machine misses. The environment is then built on that server with time skipping on
 * (the SDK's `create` takes that flag; its public `createFromExistingServer` hard-codes it off).
 */
export async function startTimeSkippingServer(path: string): Promise<{ env: TestWorkflowEnvironment; stopServer: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(path, [String(port)], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopServer = async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await Promise.race([
      waitForPort(port, '127.0.0.1', 120_000),
      exited.then(() => Promise.reject(new Error(`the time-skipping server exited (code ${child.exitCode})`))),
    ]);
    const create = (TestWorkflowEnvironment as unknown as { create(o: object): Promise<TestWorkflowEnvironment> }).create.bind(TestWorkflowEnvironment);
    const env = await create({ server: { type: 'existing' }, address: `127.0.0.1:${port}`, namespace: 'default', supportsTimeSkipping: true, connectionOptions: {} });
    return { env, stopServer };
  } catch (err) {
    await stopServer();
    throw err;
  }
}
