import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { ProcedureDefinition } from '../../domain/procedure';
import { foldVietnamese } from '../../domain/text';
import { PROCEDURES, getProcedure } from '../../procedures';
import type { AppContext } from '../context';
import { notFound } from '../problem';

/** The Procedure of the API contract: metadata, stages, and the form as JSON Schema. */
export function procedureView(p: ProcedureDefinition) {
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    field: p.field,
    level: p.level,
    fee: p.fee.counter,
    feeOnline: p.fee.online ?? p.fee.counter,
    deadline: p.deadline,
    handoff: p.handoff ?? null,
    stages: p.stages,
    requiredDocuments: p.requiredDocuments,
    fullProcessOnline: p.fullProcessOnline,
    portalIntegrated: p.portalIntegrated,
    formSchema: z.toJSONSchema(p.form, { unrepresentable: 'any' }),
    formLabels: p.formLabels,
    example: p.example,
    keywords: p.keywords,
    source: p.source,
  };
}

/** The finder's vocabulary, kept as data (db/seed/synonyms.json). */
interface Vocabulary {
  spelling: Record<string, string>;
  phrases: { when: string[]; add: string }[];
  stopwords: string[];
}
const vocabulary = JSON.parse(readFileSync(new URL('../../db/seed/synonyms.json', import.meta.url), 'utf8')) as Vocabulary;
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
  for (const seq of sequences) for (let i = 0; i + 1 < seq.length; i++) pairs.add(`${seq[i]} <-> ${seq[i + 1]}`);
  const singles = new Set(sequences.flat().filter((w) => !stopwords.has(w)));
  // The last word may be half typed: match it as a prefix too.
  const last = query.at(-1);
  const typing = last && !/\s$/.test(q) && last.length >= 2 ? `${last}:*` : undefined;
  return { text: query.join(' '), singles: [...singles], pairs: [...pairs], typing };
}

const orQuery = (terms: string[]): SQL | null => (terms.length ? sql`to_tsquery('simple', ${terms.join(' | ')})` : null);

/**
 * Ranked procedure codes for a query, from PostgreSQL (or PGlite): full-text match on the folded
 * name (weight A) and keywords (B) — word pairs count double — plus trigram word similarity of
 * the whole query to the catalogue text, which catches typos and missing words.
 */
export async function searchProcedures(db: Db, q: string, limit = 20): Promise<{ code: string; score: number }[]> {
  const t = searchTerms(q);
  if (!t.text) return [];
  const vector = sql`public.procedure_search_vector(name_vi, search_text)`;
  const single = orQuery([...t.singles, ...(t.typing ? [t.typing] : [])]);
  const pair = orQuery(t.pairs);
  const similarity = sql`word_similarity(public.motcua_fold(${t.text}), search_text)`;
  const parts: SQL[] = [similarity];
  const matches: SQL[] = [sql`public.motcua_fold(${t.text}) <% search_text`, sql`code = ${q.trim()}`];
  if (single) {
    parts.push(sql`ts_rank(${vector}, ${single})`);
    matches.push(sql`${vector} @@ ${single}`);
  }
  if (pair) {
    parts.push(sql`2 * ts_rank(${vector}, ${pair})`);
    matches.push(sql`${vector} @@ ${pair}`);
  }
  const score = sql.join(parts, sql` + `);
  const rows = (await db.execute(
    sql`select code, (${score})::float8 as score from procedures where ${sql.join(matches, sql` or `)}
        order by (code = ${q.trim()}) desc, score desc, code limit ${limit}`,
  )) as unknown as { code: string; score: number }[] | { rows: { code: string; score: number }[] };
  // postgres.js answers an array of rows, PGlite a result object.
  return Array.isArray(rows) ? rows : rows.rows;
}

const listQuery = z.object({
  q: z.string().max(200).optional(),
  field: z.string().max(200).optional(),
});

export function procedureRoutes(ctx: Pick<AppContext, 'dbh'>): Router {
  const r = Router();
  const all = PROCEDURES.map((p) => procedureView(p as ProcedureDefinition));
  const viewOf = new Map(all.map((v) => [v.code, v]));

  r.get('/procedures', async (req, res) => {
    const { q, field } = listQuery.catch({}).parse(req.query);
    let hits = q?.trim() ? (await searchProcedures(ctx.dbh.db, q)).map((h) => viewOf.get(h.code)).filter((v) => v !== undefined) : all;
    if (field) hits = hits.filter((v) => v.field.vi === field || v.field.en === field);
    res.set('Content-Range', `procedures 0-${Math.max(hits.length - 1, 0)}/${hits.length}`).json(hits);
  });
  r.get('/procedures/:code', (req, res) => {
    const p = getProcedure(String(req.params.code));
    if (!p) throw notFound(`procedure ${req.params.code}`);
    res.json(procedureView(p));
  });
  return r;
}
