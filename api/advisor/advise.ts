import type { Db } from '../../db/client';
import { catalogueEntries, getProcedure } from '../../procedures';
import { searchProcedures } from '../procedure-search';
import { DONT_KNOW, FACETS, facetById, type Candidate, type Facet } from './facets';

/** At most this many clarifying questions (issue 15 §1): a fourth would cost more than it saves. */
export const MAX_QUESTIONS = 3;
/** How many of the finder's answers the advisor considers: enough to hold every variant of a procedure. */
const POOL = 40;
/** Candidates within this share of the best score are still in the running; below it one stands out. */
const CONTENDER_SHARE = 0.8;
/** How many candidates the answer lists. */
const SHOWN = 5;

export interface AdviceRequest {
  query: string;
  answers: { questionId: string; optionId: string }[];
}
export interface AdviceQuestion {
  id: string;
  text: string;
  options: { id: string; label: string; codes: string[] }[];
}
export interface Advice {
  candidates: { code: string; name: string; score: number }[];
  question?: AdviceQuestion;
}

/** An answer that names no question or option the advisor asks: the caller's mistake, not ours. */
export class UnknownAnswer extends Error {}

function candidateOf(code: string, score: number): Candidate | undefined {
  const def = getProcedure(code);
  if (!def) return undefined;
  const audience = catalogueEntries().get(code)?.audience ?? ['citizen'];
  return { code, name: def.name.vi, level: def.level, audience: audience.length ? audience : ['citizen'], score };
}

/** The candidates an answer keeps; «Không rõ», or an answer that would keep none, keeps them all. */
function applyAnswer(pool: Candidate[], facet: Facet, optionId: string): Candidate[] {
  if (optionId === DONT_KNOW.id) return pool;
  const kept = pool.filter((c) => facet.valuesOf(c).includes(optionId));
  return kept.length ? kept : pool;
}

/** Those still in the running: close enough to the best that the words alone cannot choose. */
function contenders(pool: Candidate[]): Candidate[] {
  const top = pool[0]?.score ?? 0;
  return pool.filter((c) => c.score >= top * CONTENDER_SHARE);
}

/**
 * The question that best splits the contenders: the one whose answer, by the contenders' scores,
 * is expected to leave the smallest share of them (a question that keeps everyone, or that only
 * one option answers, tells nothing). Weighted down for questions citizens seldom can answer.
 */
function bestQuestion(running: Candidate[], pool: Candidate[], asked: Set<string>): AdviceQuestion | undefined {
  const total = running.reduce((s, c) => s + c.score, 0);
  let best: { gain: number; facet: Facet } | undefined;
  for (const facet of FACETS) {
    if (asked.has(facet.id)) continue;
    const shares = facet.options.map((o) => running.filter((c) => facet.valuesOf(c).includes(o.id)).reduce((s, c) => s + c.score, 0) / total);
    const answered = shares.filter((s) => s > 0);
    if (answered.length < 2 || answered.some((s) => s >= 0.999)) continue;
    const sum = answered.reduce((a, b) => a + b, 0);
    const expectedLeft = answered.reduce((a, s) => a + (s / sum) * s, 0);
    const gain = (1 - expectedLeft) * facet.weight;
    if (!best || gain > best.gain) best = { gain, facet };
  }
  if (!best) return undefined;
  const facet = best.facet;
  const options = facet.options
    .map((o) => ({ ...o, codes: pool.filter((c) => facet.valuesOf(c).includes(o.id)).map((c) => c.code) }))
    .filter((o) => o.codes.length > 0);
  return { id: facet.id, text: facet.text, options: [...options, { ...DONT_KNOW, codes: pool.map((c) => c.code) }] };
}

/**
 * The kiosk advisor, stateless (docs/advisor.md): the finder's candidates for the citizen's words
 * (or a life-event tile's), narrowed by the answers given so far, and the next question while
 * several procedures are still close and fewer than three have been asked.
 */
export async function advise(db: Db, req: AdviceRequest): Promise<Advice> {
  const hits = await searchProcedures(db, req.query, { limit: POOL });
  let pool = hits.map((h) => candidateOf(h.code, h.score)).filter((c): c is Candidate => c !== undefined);
  const asked = new Set<string>();
  for (const a of req.answers) {
    const facet = facetById(a.questionId);
    if (!facet) throw new UnknownAnswer(`answers: no question "${a.questionId}"`);
    if (a.optionId !== DONT_KNOW.id && !facet.options.some((o) => o.id === a.optionId)) throw new UnknownAnswer(`answers: question "${a.questionId}" has no option "${a.optionId}"`);
    if (asked.has(facet.id)) throw new UnknownAnswer(`answers: question "${a.questionId}" answered twice`);
    asked.add(facet.id);
    pool = applyAnswer(pool, facet, a.optionId);
  }
  const running = contenders(pool);
  const question = running.length > 1 && asked.size < MAX_QUESTIONS ? bestQuestion(running, pool, asked) : undefined;
  return {
    candidates: pool.slice(0, SHOWN).map((c) => ({ code: c.code, name: c.name, score: Math.round(c.score * 100) / 100 })),
    ...(question ? { question } : {}),
  };
}
