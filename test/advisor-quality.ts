import { readFileSync } from 'node:fs';
import { advise, MAX_QUESTIONS } from '../api/advisor/advise';
import type { Db } from '../db/client';

type Facts = Record<string, string>;
/** One citizen situation of the scenario set: their words or a tile, their facts, the procedure that fits. */
export interface AdvisorScenario {
  says?: string;
  tile?: string;
  facts?: Facts;
  expect: string;
}

const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as unknown;
const fixture = read(new URL('./fixtures/advisor-scenarios.json', import.meta.url)) as { defaults: Facts; scenarios: AdvisorScenario[] };
const tiles = (read(new URL('../domain/advisor-tiles.json', import.meta.url)) as { tiles: { id: string; words: string }[] }).tiles;

/** The scenario set, written before the advisor was (test/fixtures/advisor-scenarios.json). */
export const ADVISOR_SCENARIOS = fixture.scenarios;

/** What the citizen would type, or what their tile sends. */
export function wordsOf(s: AdvisorScenario): string {
  if (s.says) return s.says;
  const tile = tiles.find((t) => t.id === s.tile);
  if (!tile) throw new Error(`scenario names no known tile: ${s.tile}`);
  return tile.words;
}

/**
 * How the citizen answers a question: the option their facts name; a border case takes «người
 * nước ngoài» when the question offers no border option (the border is a case of it); otherwise
 * «Không rõ». The facts never name the expected procedure's code.
 */
export function answerOf(question: { id: string; options: { id: string }[] }, facts: Facts): string {
  const fact = facts[question.id];
  const offered = (id: string | undefined) => id !== undefined && question.options.some((o) => o.id === id);
  if (offered(fact)) return fact!;
  if (fact === 'border' && offered('foreign')) return 'foreign';
  return 'any';
}

/** Plays one scenario through the advisor: at most three questions, answered from the facts. */
export async function playScenario(db: Db, s: AdvisorScenario) {
  const facts = { ...fixture.defaults, ...s.facts };
  const answers: { questionId: string; optionId: string }[] = [];
  for (;;) {
    const advice = await advise(db, { query: wordsOf(s), answers });
    if (!advice.question || answers.length >= MAX_QUESTIONS) return { top: advice.candidates[0]?.code, questions: answers.length, answers };
    answers.push({ questionId: advice.question.id, optionId: answerOf(advice.question, facts) });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The share of scenarios whose expected procedure is top-1 after at most three questions, the median number of questions, and the misses. */
export async function measureAdvisor(db: Db, scenarios: AdvisorScenario[] = ADVISOR_SCENARIOS) {
  const misses: string[] = [];
  const questions: number[] = [];
  for (const s of scenarios) {
    const r = await playScenario(db, s);
    questions.push(r.questions);
    if (r.top !== s.expect) misses.push(`"${wordsOf(s)}"${s.facts ? ` ${JSON.stringify(s.facts)}` : ''} → ${r.top ?? 'nothing'} after [${r.answers.map((a) => `${a.questionId}=${a.optionId}`).join(', ')}], expected ${s.expect}`);
  }
  const hits = scenarios.length - misses.length;
  return { total: scenarios.length, hits, rate: hits / scenarios.length, medianQuestions: median(questions), maxQuestions: Math.max(0, ...questions), misses };
}
