import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEn } from '../../admin-ui/src/i18n/en';
import { appVi } from '../../admin-ui/src/i18n/vi';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

/** Every `code` the API can put in a problem: HttpProblem(…, 'code'), conflict('code'), and the body-parser codes. */
function problemCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources('api')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/HttpProblem\(\s*\d+,\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\bconflict\(\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/const code = ([^;]+);/g)) for (const c of m[1]!.matchAll(/'([a-z-]+)'/g)) codes.add(c[1]!);
  }
  return codes;
}

describe('the back office words every API problem in Vietnamese (and English)', () => {
  it('has a message for each problem code the API sends', () => {
    const codes = problemCodes();
    // The scan finds the codes it should (a broken regex would pass vacuously).
    for (const c of ['invalid-input', 'illegal-transition', 'dossier-closed', 'rule-violation', 'rate-limited', 'malformed-json']) expect(codes).toContain(c);
    const missing = (messages: Record<string, string>) => [...codes].filter((c) => !messages[c]);
    expect(missing(appVi.app.problem)).toEqual([]);
    expect(missing(appEn.app.problem)).toEqual([]);
  });
});
