import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** espeak-ng is not installed (or cannot run): the audio cannot be made, the rest of the portal works. */
export class SpeechUnavailable extends Error {}

/** Where the files go and which command renders them (a test names a missing one to prove the 503). */
export interface SpeechOptions {
  cacheDir: string;
  command?: string;
}
/** At most this many renders at once: 2 cores serve the whole API. */
const RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];
/** A text being rendered: a second request for it waits for the same file. */
const inFlight = new Map<string, Promise<string>>();

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= RENDERS) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function espeak(command: string, text: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The text goes on stdin, never on the command line; -w writes a WAV with its real sizes.
    const child = spawn(command, ['-v', 'vi', '-s', '150', '-w', out, '--stdin'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()).length > 2000 && (err = err.slice(-2000)));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' || e.code === 'EACCES' ? new SpeechUnavailable(`${command} not found`) : e));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new SpeechUnavailable(`${command} exited with ${code}: ${err.trim()}`))));
    child.stdin.on('error', () => {}); // reported by 'close' or 'error'
    child.stdin.end(text);
  });
}

export const speechKey = (text: string) => createHash('sha256').update(`vi\n150\n${text}`).digest('hex');

/**
 * The WAV file of a Vietnamese text, rendered once by espeak-ng and kept under the data directory
 * by the hash of the text (voice and speed included): a guidance sheet changes only when its
 * procedure does, and then its hash does too (docs/advisor.md).
 */
export function speechFile(text: string, { cacheDir, command = 'espeak-ng' }: SpeechOptions): Promise<string> {
  const key = speechKey(text);
  const file = path.join(cacheDir, `${key}.wav`);
  let p = inFlight.get(key);
  if (!p) {
    p = (async () => {
      if (await stat(file).then((s) => s.size > 44, () => false)) return file;
      return slot(async () => {
        await mkdir(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        try {
          await espeak(command, text, tmp);
          await rename(tmp, file);
        } finally {
          await rm(tmp, { force: true });
        }
        return file;
      });
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

export const readSpeech = (file: string) => readFile(file);
