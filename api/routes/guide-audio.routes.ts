import path from 'node:path';
import { Router } from 'express';
import { getProcedure } from '../../procedures';
import type { AppContext } from '../context';
import { HttpProblem, notFound } from '../problem';
import { guideText } from '../speech/guide-text';
import { readSpeech, speechFile, SpeechUnavailable } from '../speech/speech';

/** The cache of rendered speech, under the data directory (docs/advisor.md). */
export const speechCacheDir = (dataDir: string) => path.join(dataDir, 'speech');

/**
 * «Nghe»: a procedure's guidance sheet read aloud in Vietnamese (issue 15 §2), rendered by
 * espeak-ng on the server and cached by the text's hash. Public, like the sheet itself. Without
 * espeak-ng the route answers 503 `speech-unavailable` and everything else keeps working.
 */
export function guideAudioRoutes(ctx: Pick<AppContext, 'env' | 'procedures'>, o: { command?: string } = {}): Router {
  const r = Router();
  const cacheDir = speechCacheDir(ctx.env.dataDir);
  r.get('/procedures/:code/guide/audio', async (req, res) => {
    const code = String(req.params.code);
    const def = getProcedure(code);
    const rules = def && ctx.procedures.current(code);
    if (!def || !rules) throw notFound(`procedure ${code}`);
    let file: string;
    try {
      file = await speechFile(guideText({ ...def, ...rules }), { cacheDir, command: o.command });
    } catch (e) {
      if (e instanceof SpeechUnavailable) throw new HttpProblem(503, 'speech-unavailable', 'Speech unavailable', `the guidance cannot be read aloud on this server: ${e.message} (install espeak-ng)`);
      throw e;
    }
    const wav = await readSpeech(file);
    res.set({ 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=3600', ETag: `"${path.basename(file, '.wav')}"` }).send(wav);
  });
  return r;
}
