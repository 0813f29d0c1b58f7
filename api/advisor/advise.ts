import type { Db } from '../../db/client';
import { catalogueEntries, getProcedure } from '../../procedures';
import { foldVietnamese } from '../../domain/text';
import { searchProcedures, searchTerms } from '../procedure-search';
import { actionOf, DONT_KNOW, FACETS, facetById, foreignOf, type Candidate, type Facet } from './facets';

/** At most this many clarifying questions (issue 15 §1): a fourth would cost more than it saves. */
export const MAX_QUESTIONS = 3;
/** How many of the finder's answers the advisor considers: enough to hold every variant of a procedure. */
const POOL = 40;
/** Candidates within this share of the best score are still in the running; below it one stands out. */
const CONTENDER_SHARE = 0.8;
/** How many candidates the answer lists. */
const SHOWN = 5;
/** The kiosk stands in a commune's one-stop office, where citizens' procedures are decided: its own first among near-equals. */
const COMMUNE_FIRST = 1.03;
/** How much of a candidate's score rides on how much of its name the citizen's words cover. */
const PLAIN_WEIGHT = 0.3;

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

const nameWords = (name: string) => new Set(foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').split(' ').filter((w) => w && w !== 'thu' && w !== 'tuc'));

/**
 * The plain procedure before its special cases: the finder ranks by how much of the query a name
 * covers; a citizen who said «khai sinh cho con» means «Đăng ký khai sinh», not «… cho người đã
 * có hồ sơ, giấy tờ cá nhân», whose extra words they never said. So part of the score follows the
 * share of the name's words the query (with the finder's synonyms) covers.
 */
function preferPlain(pool: Candidate[], query: string): Candidate[] {
  const t = searchTerms(query);
  const said = new Set([...t.singles, ...t.pairs.flatMap((p) => p.split(' '))]);
  return pool
    .map((c) => {
      const words = [...nameWords(c.name)];
      const covered = words.length ? words.filter((w) => said.has(w)).length / words.length : 0;
      return { ...c, score: c.score * (1 - PLAIN_WEIGHT + PLAIN_WEIGHT * covered) * (c.level === 'commune' ? COMMUNE_FIRST : 1) };
    })
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** How much more a candidate counts when the citizen's own words already state its facet. */
const STATED_BONUS = 1.25;

/**
 * The citizen's words may already answer a question: «đăng ký lại kết hôn» says «again», «người
 * nước ngoài» says foreign. Candidates whose name says the same count more, both in the running
 * and in the order; nothing is ruled out (the words may say it loosely).
 */
function stated(pool: Candidate[], query: string): Candidate[] {
  const readings = [
    { value: actionOf(query, true), of: (c: Candidate) => actionOf(c.name), plain: 'first' },
    { value: foreignOf(query), of: (c: Candidate) => foreignOf(c.name), plain: 'none' },
  ].filter((r) => r.value !== r.plain);
  if (!readings.length) return pool;
  return pool
    .map((c) => {
      const k = readings.filter((r) => r.of(c) === r.value).length;
      return k ? { ...c, match: c.match * STATED_BONUS ** k, score: c.score * STATED_BONUS ** k } : c;
    })
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** An answer that names no question or option the advisor asks: the caller's mistake, not ours. */
export class UnknownAnswer extends Error {}

function candidateOf(code: string, score: number): Candidate | undefined {
  const def = getProcedure(code);
  if (!def) return undefined;
  const audience = catalogueEntries().get(code)?.audience ?? ['citizen'];
  return { code, name: def.name.vi, level: def.level, audience: audience.length ? audience : ['citizen'], match: score, score };
}

/** The candidates an answer keeps; «Không rõ», or an answer that would keep none, keeps them all. */
function applyAnswer(pool: Candidate[], facet: Facet, optionId: string): Candidate[] {
  if (optionId === DONT_KNOW.id) return pool;
  const kept = pool.filter((c) => facet.valuesOf(c).includes(optionId));
  return kept.length ? kept : pool;
}

/**
 * Those still in the running: matched by the words nearly as well as the best match. Judged on
 * the words alone, not on the plain-first order: a citizen at the border who says «khai sinh»
 * matches the border variant as well as the plain one, and only a question can tell them apart.
 */
function contenders(pool: Candidate[]): Candidate[] {
  const top = Math.max(0, ...pool.map((c) => c.match));
  return pool.filter((c) => c.match >= top * CONTENDER_SHARE);
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
  let pool = stated(
    preferPlain(
      hits.map((h) => candidateOf(h.code, h.score)).filter((c): c is Candidate => c !== undefined),
      req.query,
    ),
    req.query,
  );
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
