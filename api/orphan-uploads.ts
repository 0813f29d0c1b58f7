import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { documents } from '../db/schema';
import { AttachmentStore } from './attachment-store';

/**
 * Uploads never attached to a dossier (docs/security.md, "Uploads"): after `ttlMs` their rows
 * are deleted, and each file no row names any more is removed — unless it was written within
 * the last `ttlMs` (the same bytes being uploaded again right now, its row not yet inserted).
 */
export async function sweepOrphanUploads(db: Db, store: AttachmentStore, ttlMs: number, now = Date.now()): Promise<{ rows: number; files: number }> {
  const cutoff = new Date(now - ttlMs);
  const gone = await db
    .delete(documents)
    .where(and(isNull(documents.dossierCode), lt(documents.createdAt, cutoff)))
    .returning({ sha256: documents.sha256 });
  const hashes = [...new Set(gone.map((d) => d.sha256))];
  let files = await sweepStaleParts(store, cutoff.getTime());
  if (hashes.length === 0) return { rows: 0, files };
  const kept = new Set((await db.select({ sha256: documents.sha256 }).from(documents).where(inArray(documents.sha256, hashes))).map((d) => d.sha256));
  for (const sha of hashes) {
    if (kept.has(sha)) continue;
    const file = store.pathOf(sha);
    const s = await stat(file).catch(() => null);
    if (!s || s.mtimeMs > cutoff.getTime()) continue;
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    files++;
  }
  return { rows: gone.length, files };
}

/** Temporary `.part` files a crashed process left behind (a live upload's is minutes old at most). */
async function sweepStaleParts(store: AttachmentStore, cutoffMs: number): Promise<number> {
  const tmp = path.join(store.dir, '.tmp');
  const names = await readdir(tmp).catch(() => [] as string[]);
  let removed = 0;
  for (const n of names) {
    const s = await stat(path.join(tmp, n)).catch(() => null);
    if (s && s.mtimeMs < cutoffMs) removed += await unlink(path.join(tmp, n)).then(() => 1, () => 0);
  }
  return removed;
}

/** Runs the sweep every `everyMs` in the API process; `stop()` waits for a sweep under way. */
export function startOrphanSweeper(db: Db, dataDir: string, opts: { ttlMs: number; everyMs: number }, log: Logger) {
  const store = new AttachmentStore(dataDir);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepOrphanUploads(db, store, opts.ttlMs)
      .then((r) => r.rows > 0 && log.info(r, 'orphaned uploads removed'))
      .catch((err) => log.error({ err }, 'sweeping orphaned uploads failed'));
  }, opts.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
