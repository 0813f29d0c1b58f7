import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isListening } from './dev-server';

/**
 * Which Temporal dev server belongs to which data directory. `npm start` writes this file next
 * to the dev server's SQLite file when it starts one, and reuses a running server only when the
 * file names it and the process is still that server: same pid, same SQLite file on its command
 * line, listening on the recorded port. A server started by another checkout (or anything else
 * on 7233) is never reused: its worker would take our dossiers and ours its.
 */
export const MARKER = 'temporal-dev-server.json';

export interface OwnDevServer {
  pid: number;
  port: number;
  uiPort?: number;
  dbFile: string;
}

const markerOf = (dataDir: string) => path.join(dataDir, MARKER);

/** Records the dev server this data directory just started. */
export function recordDevServer(dataDir: string, server: OwnDevServer): void {
  writeFileSync(markerOf(dataDir), `${JSON.stringify(server)}\n`);
}

/** Forgets it (it was stopped). */
export function forgetDevServer(dataDir: string): void {
  rmSync(markerOf(dataDir), { force: true });
}

/** The command line of a running process, or undefined when there is none with that pid. */
function commandLine(pid: number): string | undefined {
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dev server this data directory started and that still runs, else undefined (no file, a
 * dead process, a pid reused by something else, or a server no longer listening).
 */
export async function findOwnDevServer(dataDir: string): Promise<OwnDevServer | undefined> {
  let own: OwnDevServer;
  try {
    own = JSON.parse(readFileSync(markerOf(dataDir), 'utf8')) as OwnDevServer;
  } catch {
    return undefined;
  }
  const cmd = commandLine(own.pid);
  if (!cmd || !cmd.includes(own.dbFile) || !cmd.includes(`--port ${own.port}`)) return undefined;
  return (await isListening(own.port)) ? own : undefined;
}
