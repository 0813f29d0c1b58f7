import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { dossiers } from '../../db/schema';
import { getProcedure } from '../../procedures';
import type { AppContext } from '../context';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import { HttpProblem, notFound } from '../problem';
import { statusText } from '../speech/status-text';
import { readSpeech, speechFile, SpeechUnavailable } from '../speech/speech';
import { speechCacheDir } from './guide-audio.routes';
import { nextStep, normalizePhone } from './public.routes';

/**
 * «Nghe» on the status page: the public lookup (code + phone, the same answer for a wrong phone
 * as for an unknown code, rate-limited like it) read aloud by espeak-ng and cached by the text's hash.
 */
export function statusAudioRoutes(ctx: Pick<AppContext, 'dbh' | 'env'>, o: { command?: string; limiter?: RateLimiter } = {}): Router {
  const r = Router();
  const cacheDir = speechCacheDir(ctx.env.dataDir);
  r.get('/public/dossiers/:code/audio', rateLimit(o.limiter ?? new RateLimiter(ctx.dbh.db, 'public-audio', 30, 60_000)), async (req, res) => {
    const code = String(req.params.code);
    const phone = typeof req.query.phone === 'string' ? normalizePhone(req.query.phone) : '';
    const [row] = code.length <= 64 ? await ctx.dbh.db.select().from(dossiers).where(eq(dossiers.code, code)) : [];
    if (!row || phone.length < 9 || normalizePhone(row.applicantPhone) !== phone) throw notFound(`dossier ${code}`);
    const text = statusText({
      procedureName: getProcedure(row.procedureCode)?.name.vi ?? row.procedureCode,
      status: row.status,
      nextStep: nextStep(row),
      dueAt: row.dueAt,
      missing: row.status === 'NEEDS_SUPPLEMENT' ? row.state.missing : [],
    });
    let file: string;
    try {
      file = await speechFile(text, { cacheDir, command: o.command });
    } catch (e) {
      if (e instanceof SpeechUnavailable) throw new HttpProblem(503, 'speech-unavailable', 'Speech unavailable', `the status cannot be read aloud on this server: ${e.message} (install espeak-ng)`);
      throw e;
    }
    res.set({ 'Content-Type': 'audio/wav', 'Cache-Control': 'no-store' }).send(await readSpeech(file));
  });
  return r;
}
