import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adviceResponse } from '../../api/openapi-responses';
import { errorHandler } from '../../api/middleware/errors';
import { checkTextInput } from '../../api/middleware/text-input';
import type { ProcedureVersions } from '../../api/procedure-versions';
import { advisorRoutes } from '../../api/routes/advisor.routes';
import { guideAudioRoutes, speechCacheDir } from '../../api/routes/guide-audio.routes';
import type { Env } from '../../config/env';
import type { DbHandle } from '../../db/client';
import { createLogger } from '../../runtime/logger';
import { openCatalogueDb } from '../support/catalogue-db';

/** The advisor and the read-aloud guidance through HTTP, as the kiosk calls them. */
describe('POST /api/advisor and GET /api/procedures/:code/guide/audio', () => {
  let dbh: DbHandle;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-speech-'));
  const app = express();
  const mute = express();

  beforeAll(async () => {
    let procedures: ProcedureVersions;
    ({ dbh, procedures } = await openCatalogueDb());
    const log = createLogger('silent');
    const env = { dataDir } as Env;
    for (const [a, command] of [[app, undefined], [mute, 'espeak-ng-not-installed']] as const) {
      a.use(express.json());
      a.use('/api', checkTextInput, advisorRoutes({ dbh }), guideAudioRoutes({ env, procedures }, { command }));
      a.use(errorHandler(log));
    }
  });
  afterAll(async () => {
    await dbh?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = (body: unknown) => request(app).post('/api/advisor').send(body as object);

  it('asks the question that splits the close candidates, each option naming the procedures it keeps, then narrows by the answer', async () => {
    const first = await ask({ query: 'dang ky ket hon', answers: [] }).expect(200);
    const advice = adviceResponse.parse(first.body);
    expect(advice.candidates[0]!.code).toBe('1.000894');
    expect(advice.question?.id).toBe('foreign');
    const border = advice.question!.options.find((o) => o.id === 'border')!;
    expect(border.codes).toContain('1.000094');
    expect(border.codes).not.toContain('1.000894');
    expect(advice.question!.options.at(-1)).toMatchObject({ id: 'any' });

    const next = adviceResponse.parse((await ask({ query: 'dang ky ket hon', answers: [{ questionId: 'foreign', optionId: 'border' }] }).expect(200)).body);
    expect(next.candidates[0]!.code).toBe('1.000094');
    expect(next.candidates.every((c) => border.codes.includes(c.code))).toBe(true);
  });

  it('stops asking after three answers', async () => {
    const answers = [
      { questionId: 'foreign', optionId: 'any' },
      { questionId: 'action', optionId: 'any' },
      { questionId: 'audience', optionId: 'any' },
    ];
    const r = adviceResponse.parse((await ask({ query: 'giấy chứng nhận quyền sử dụng đất', answers }).expect(200)).body);
    expect(r.question).toBeUndefined();
    expect(r.candidates.length).toBeGreaterThan(0);
  });

  it('refuses a bad request with problem+json naming the field, never a 500', async () => {
    for (const [body, field] of [
      [{ answers: [] }, 'query'],
      [{ query: '   ' }, 'query'],
      [{ query: 'khai sinh', answers: [{ questionId: 'weather', optionId: 'rain' }] }, 'answers'],
      [{ query: 'khai sinh', answers: [{ questionId: 'foreign', optionId: 'mars' }] }, 'answers'],
      [{ query: 'khai sinh', answers: [{ questionId: 'foreign', optionId: 'none' }, { questionId: 'foreign', optionId: 'none' }] }, 'answers'],
      [{ query: 'khai sinh', extra: 1 }, ''],
      [{ query: 'khai\u0000sinh' }, 'query'],
    ] as const) {
      const res = await ask(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('invalid-input');
      if (field) expect(JSON.stringify(res.body.errors)).toContain(field);
    }
  });

  it('reads a guidance sheet aloud as a real WAV, rendered once and then served from the cache', async () => {
    const res = await request(app).get('/api/procedures/1.001193/guide/audio').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    const wav = res.body as Buffer;
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    // Seconds of speech, not a header: 22 050 samples of 2 bytes a second.
    expect(wav.length).toBeGreaterThan(5 * 22_050 * 2);
    const cached = readdirSync(speechCacheDir(dataDir)).filter((f) => f.endsWith('.wav'));
    expect(cached).toHaveLength(1);
    const file = path.join(speechCacheDir(dataDir), cached[0]!);
    const rendered = statSync(file).mtimeMs;
    const again = await request(app).get('/api/procedures/1.001193/guide/audio').expect(200);
    expect(again.headers['etag']).toBe(`"${cached[0]!.replace('.wav', '')}"`);
    expect(statSync(file).mtimeMs).toBe(rendered);
    expect(readdirSync(speechCacheDir(dataDir)).filter((f) => f.endsWith('.wav'))).toHaveLength(1);
  });

  it('answers 404 for an unknown procedure and a clear 503 problem when espeak-ng is missing', async () => {
    await request(app).get('/api/procedures/9.999999/guide/audio').expect(404);
    const res = await request(mute).get('/api/procedures/1.000894/guide/audio').expect(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'speech-unavailable' });
    expect(res.body.detail).toMatch(/espeak-ng/);
  });
});
