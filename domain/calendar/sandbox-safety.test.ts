import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The calendar runs inside Temporal workflows, whose sandbox replays code and must get the same
// answer every time: no clock, no host time zone data, no randomness, no I/O.
const FORBIDDEN = [
  /\bnew Date\b/,
  /\bDate\s*\./,
  /\bIntl\b/,
  /\bMath\.random\b/,
  /\bprocess\./,
  /\bfrom\s+['"](?!\.\/)/, // only sibling modules, no packages or node: built-ins
  /\bimport\s*\(/,
];

const sources = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('calendar sources', () => {
  it.each(sources)('%s is deterministic and sandbox-safe', (file) => {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const pattern of FORBIDDEN) expect(text).not.toMatch(pattern);
  });
});
