import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { foldVietnamese } from '../domain/text';

/** The finder's vocabulary, kept as data (db/seed/synonyms.json). */
interface Vocabulary {
  spelling: Record<string, string>;
  phrases: { when: string[]; add: string }[];
  stopwords: string[];
}
const vocabulary = JSON.parse(readFileSync(new URL('../db/seed/synonyms.json', import.meta.url), 'utf8')) as Vocabulary;
const stopwords = new Set(vocabulary.stopwords);

const words = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => (vocabulary.spelling[w] ?? w).split(' '));

/**
 * A citizen's words → the terms to search: the query's own words, plus what the synonym list
 * adds for a colloquial phrase ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"). Single words
 * drop stopwords; consecutive pairs keep them, since in Vietnamese a syllable alone says little
 * ("khai" + "sinh" is birth, "khai" + "tử" is death).
 */
export function searchTerms(q: string) {
  const query = words(q).slice(0, 16);
  const text = ` ${query.join(' ')} `;
  const expansions = vocabulary.phrases.filter((p) => p.when.some((w) => text.includes(` ${w} `))).map((p) => p.add.split(' '));
  const sequences = [query, ...expansions];
  const pairs = new Set<string>();
  for (const seq of sequences) for (let i = 0; i + 1 < seq.length; i++) if (seq[i] !== seq[i + 1]) pairs.add(`${seq[i]} ${seq[i + 1]}`);
  const singles = new Set(sequences.flat().filter((w) => !stopwords.has(w)));
  // The last word may be half typed: match it as a prefix too (not a stopword: those are whole
  // words, and "con:*" alone would make a third of the catalogue a candidate).
  const last = query.at(-1);
  const typing = last && !/\s$/.test(q) && last.length >= 2 && !singles.has(last) && !stopwords.has(last) ? last : undefined;
  return { text: query.join(' '), singles: [...singles], pairs: [...pairs], typing };
}

/** Where a citizen would rather go when a procedure is offered at both levels; coded procedures are the common ones. */
export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** A filter on `procedures` (field, level, online level). */
  within?: SQL;
  /** The level preferred among equals: the commune, where citizens go first, unless told. */
  prefer?: 'commune' | 'province';
}

const tsq = (t: string) => sql`to_tsquery('simple', ${t})`;
/** How many candidates get the (slower) trigram similarity on top of their word coverage. */
const RERANK = 30;
/**
 * How many candidates, the best by their single words, get their consecutive pairs counted too:
 * a pair matches only where its words do, so the best by pairs are among the best by words, and
 * testing ~20 phrases on every row that shares one common word ("giấy", "cấp") was most of a
 * search's time.
 */
const SHORTLIST = 150;

/**
 * Ranked procedure codes for a query, from PostgreSQL (or PGlite). The score is how much of the
 * query a procedure covers — each word and each consecutive pair found in the name (weight A)
 * counts more than in the keywords and field (B), pairs more than words — so a procedure whose
 * name says all the citizen said ranks above one that repeats a single word. The best candidates
 * then get the trigram word similarity of the whole query to the start of their text (name, field) (typos, missing words), and a small
 * preference for a shorter name (the plain procedure over its special cases), the preferred level
 * and coded procedures. Matching uses the stored, indexed `search_vector`; when no word matches
 * at all, trigram similarity alone finds near misses ("khai sin"). See docs/finder.md.
 */
export async function searchProcedures(db: Db, q: string, limitOrOptions: number | SearchOptions = 20, within?: SQL): Promise<{ code: string; score: number }[]> {
  return (await searchPage(db, q, typeof limitOrOptions === 'number' ? { limit: limitOrOptions, within } : limitOrOptions)).hits;
}

/**
 * A page of ranked codes and how many procedures match in all, in one round trip (the count is
 * a window over the same candidates; it was a second query with the same filter). With no word
 * matching, the near misses by trigram, and their number.
 */
export async function searchPage(db: Db, q: string, o: SearchOptions = {}): Promise<{ hits: { code: string; score: number }[]; total: number }> {
  const query = finderSql(q, o);
  if (!query) return { hits: [], total: 0 };
  const ranked = await rows<{ code: string; score: number; total: number }>(db, query.ranked);
  const total = ranked[0]?.total ?? 0;
  if (ranked.length) return { hits: ranked.map(({ code, score }) => ({ code, score })), total };
  // A page past the end of the matches: the total still counts them (the page is empty).
  if ((o.offset ?? 0) > 0) return { hits: [], total: await countMatches(db, q, o.within) };
  const near = await rows<{ code: string; score: number; total: number }>(db, query.nearMisses);
  return { hits: near.map(({ code, score }) => ({ code, score })), total: near[0]?.total ?? 0 };
}

/**
 * The SQL of a search (bench/scenarios/finder.ts EXPLAINs it): `ranked` over the words that
 * match, `nearMisses` by trigram alone, run only when no word matched.
 *
 * What keeps it fast at the catalogue's size (docs/finder.md, EXPLAIN ANALYZE in the bench):
 * - the candidates' filter is the query's single words only, no phrases and no `or code = …`, so
 *   the GIN index can answer it without a recheck — a pair matches only where its words do, and
 *   a typed code is looked up by its primary key beside it;
 * - each term is tested once for any weight and only where it matched for the name (A): most
 *   terms miss most rows, so that halves the tsquery matches per row;
 * - pairs are counted on a shortlist of the best by single words (SHORTLIST), not on every match;
 * - the score is float arithmetic (it was numeric), and the total is a window over the same rows.
 */
export function finderSql(q: string, o: SearchOptions = {}): { ranked: SQL; nearMisses: SQL } | null {
  const { limit = 20, offset = 0, prefer = 'commune' } = o;
  const where = o.within ?? sql`true`;
  const t = searchTerms(q);
  if (!t.text) return null;
  const code = q.trim();
  const pair = (p: string, w: string) => p.split(' ').map((x) => `${x}${w}`).join(' <-> ');
  /** `hit` when the term matches anywhere, `name` more when it matches in the name. */
  const term = (any: string, inName: string, hit: number, name: number) =>
    sql`case when search_vector @@ ${tsq(any)} then case when search_vector @@ ${tsq(inName)} then ${sql.raw(String(hit + name))} else ${sql.raw(String(hit))} end else 0 end`;
  const singles = t.singles.map((s) => term(s, `${s}:A`, 1, 2));
  const pairs = t.pairs.map((p) => term(pair(p, ':AB'), pair(p, ':A'), 1.5, 3));
  const typing = t.typing ? [sql`(search_vector @@ ${tsq(`${t.typing}:*`)})::int`] : [];
  const sum = (terms: SQL[]) => sql.join(terms.length ? terms : [sql`0`], sql` + `);
  const any = anyTerm(t);
  const folded = sql`public.motcua_fold(${t.text})`;
  const tie = sql`(code = ${code})::int * 1000 + 0.3 * coded::int + 0.2 * (level = ${prefer})::int - 0.001 * length(name_vi)`;
  const columns = sql`code, name_vi, search_text, level, coded, search_vector`;
  const shortlist = Math.max(SHORTLIST, offset + limit);
  return {
    ranked: any
      ? sql`with matched as (
              select ${columns} from procedures where search_vector @@ ${tsq(any)} and ${where}
              union all
              select ${columns} from procedures where code = ${code} and not (search_vector @@ ${tsq(any)}) and ${where}),
            shortlist as (
              select *, (${sum([...singles, ...typing])})::float8 as words, (count(*) over ())::int as total
              from matched order by words desc limit ${shortlist}),
            candidates as (
              select code, name_vi, search_text, level, coded, total, words + (${sum(pairs)})::float8 as cover
              from shortlist order by cover desc limit ${Math.max(RERANK, offset + limit)})
            select code, total, (cover + 2 * word_similarity(${folded}, left(search_text, 200)) + ${tie})::float8 as score from candidates
            order by score desc, code offset ${offset} limit ${limit}`
      : sql`select code, 0::float8 as score, 1 as total from procedures where code = ${code} and ${where}`,
    nearMisses: sql`select code, (2 * word_similarity(${folded}, search_text) + ${tie})::float8 as score, (count(*) over ())::int as total from procedures
        where (${folded} <% search_text or code = ${code}) and ${where} order by score desc, code limit ${limit}`,
  };
}

/**
 * The candidates' filter, on the GIN index: any single word or the half-typed prefix. A pair
 * needs no test of its own where one of its words is a single (it matches only where that word
 * does); a pair of two stopwords does, as a phrase.
 */
const anyTerm = (t: ReturnType<typeof searchTerms>) => {
  const singles = new Set(t.singles);
  const loosePairs = t.pairs.filter((p) => !p.split(' ').some((w) => singles.has(w)));
  return [...t.singles, ...loosePairs.map((p) => p.replace(' ', ' <-> ')), ...(t.typing ? [`${t.typing}:*`] : [])].join(' | ');
};

/** How many procedures match a query at all (the total of a ranked list). */
export async function countMatches(db: Db, q: string, within: SQL = sql`true`): Promise<number> {
  const t = searchTerms(q);
  const any = anyTerm(t);
  if (!t.text) return 0;
  const n = (await rows<{ n: number }>(db, sql`select count(*)::int as n from procedures where (${any ? sql`search_vector @@ ${tsq(any)}` : sql`false`} or code = ${q.trim()}) and ${within}`))[0]?.n ?? 0;
  return n || (await searchProcedures(db, q, { limit: 500, within })).length;
}

/** postgres.js answers an array of rows, PGlite a result object. */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}
