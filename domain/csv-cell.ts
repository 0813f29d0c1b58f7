/**
 * One CSV cell, quoted when needed, and defused: a value starting with = + - @, a tab or a CR is
 * read by spreadsheet programs as a formula (CSV injection: `=HYPERLINK(...)` in an applicant's
 * name), so it gets a leading apostrophe, which they show as text (docs/security.md).
 */
export function csvCell(v: unknown): string {
  const raw = v === null || v === undefined ? '' : String(v);
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
