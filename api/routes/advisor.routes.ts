import { Router } from 'express';
import { z } from 'zod';
import { advise, MAX_QUESTIONS, UnknownAnswer } from '../advisor/advise';
import type { AppContext } from '../context';
import { badRequest, fromZod } from '../problem';

/**
 * POST /api/advisor's body (docs/advisor.md): the citizen's words (typed, dictated, or a tile's),
 * and the answers given so far. The text rule (domain/text-rule.ts) has already run on it
 * (api/middleware/text-input.ts); this checks its shape.
 */
export const adviceRequestSchema = z
  .object({
    query: z.string().trim().min(1, 'say what you need').max(300),
    answers: z
      .array(z.object({ questionId: z.string().min(1).max(40), optionId: z.string().min(1).max(40) }).strict())
      .max(MAX_QUESTIONS)
      .default([]),
  })
  .strict();

/** The kiosk advisor: public and stateless, the kiosk keeps the answers and sends them back each time. */
export function advisorRoutes(ctx: Pick<AppContext, 'dbh'>): Router {
  const r = Router();
  r.post('/advisor', async (req, res) => {
    const body = adviceRequestSchema.safeParse(req.body ?? {});
    if (!body.success) throw fromZod(body.error);
    try {
      res.json(await advise(ctx.dbh.db, body.data));
    } catch (e) {
      if (e instanceof UnknownAnswer) throw badRequest(e.message, { errors: [{ field: 'answers', message: e.message }] });
      throw e;
    }
  });
  return r;
}
