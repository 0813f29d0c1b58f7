import { procedureSchema, type Procedure } from './types';

/** Where the committed catalogue comes from (procedures/catalogue/README.md, "Provenance"). */
export const SOURCE_REPO = 'github.com/chatbot-tthc/chatbot_tthc';
export const SOURCE_COMMIT = '53229487610b07e0d7127f529b87c333f19aeb1e';
export const SOURCE_DIR = 'scripts/crawler/data/raw';

/** JSON Lines sorted by code: one procedure per line, so an update diffs line by line. */
export function serializeCatalogue(procedures: Procedure[]): string {
  const sorted = [...procedures].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.code === sorted[i - 1]!.code) throw new Error(`duplicate procedure code ${sorted[i]!.code}`);
  }
  return sorted.map((p) => JSON.stringify(p)).join('\n') + '\n';
}

/** Reads catalogue.jsonl, validating every line against the schema (a hand edit that breaks it fails here, with its line). */
export function parseCatalogue(text: string): Procedure[] {
  return text.split('\n').filter(Boolean).map((line, i) => {
    const parsed = procedureSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`catalogue line ${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
}
