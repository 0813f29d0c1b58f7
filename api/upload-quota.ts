import { and, count, eq, gt, isNull, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import { documents } from '../db/schema';
import { HttpProblem } from './problem';

type QuotaEnv = { UPLOAD_QUOTA_FILES: number; UPLOAD_QUOTA_BYTES: number };
const DAY_MS = 86_400_000;

/**
 * What a user may still upload (docs/security.md, "Uploads"): files and bytes of their uploads of
 * the last 24 h not linked to any dossier count against UPLOAD_QUOTA_FILES / _BYTES. Files that
 * went into a dossier no longer count, so a citizen filing many dossiers is never stopped; one
 * filling the disk with files it never files is.
 */
export async function uploadQuota(db: Db, userId: string, env: QuotaEnv, now = Date.now()): Promise<{ files: number; bytes: number }> {
  const [used] = await db
    .select({ files: count(), bytes: sum(documents.size) })
    .from(documents)
    .where(and(eq(documents.uploadedBy, userId), isNull(documents.dossierCode), gt(documents.createdAt, new Date(now - DAY_MS))));
  return { files: env.UPLOAD_QUOTA_FILES - (used?.files ?? 0), bytes: env.UPLOAD_QUOTA_BYTES - Number(used?.bytes ?? 0) };
}

export const quotaExceeded = (env: QuotaEnv) =>
  new HttpProblem(
    429,
    'upload-quota',
    'Upload quota exceeded',
    `at most ${env.UPLOAD_QUOTA_FILES} files or ${Math.round(env.UPLOAD_QUOTA_BYTES / 1024 / 1024)} MB of uploads not attached to a dossier per 24 hours: attach them to a dossier, or wait`,
  );
