/**
 * A day typed as on paper, dd/mm/yyyy, whatever the browser's locale (a native date input follows
 * the browser's order: 20/11/2026 typed into an en-US one became year 12026). The form stores the
 * ISO day the API wants once the text is a whole date; until then it keeps what was typed.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO `2026-11-20` → `20/11/2026`; anything else (text being typed) as it is. */
export function dayToText(v: unknown): string {
  if (typeof v !== 'string') return '';
  const m = ISO.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
}

/** A date being typed: up to `dd/mm/yyyy`, each part possibly short (`5/3/20`). */
const PARTIAL = /^\d{0,2}(\/\d{0,2}(\/\d{0,4})?)?$/;

/**
 * What was typed → ISO once it is a whole date: `20/11/2026`, `20.11.2026`, `20-11-2026`,
 * `5/3/2026` or eight digits `20112026`. Digits typed on get their slashes as they come
 * (`201` → `20/1`), so the officer never types one; a deleted slash is not put back.
 */
export function textToDay(text: string): string {
  let t = text.trim();
  if (/^[\d/]+$/.test(t) && !PARTIAL.test(t)) {
    const d = t.replace(/\//g, '').slice(0, 8);
    t = [d.slice(0, 2), d.slice(2, 4), d.slice(4)].filter(Boolean).join('/');
  }
  const parts = t.split(/[/.\-\s]+/);
  if (parts.length === 3 && /^\d{4}$/.test(parts[2]!) && parts.slice(0, 2).every((p) => /^\d{1,2}$/.test(p))) {
    return `${parts[2]}-${parts[1]!.padStart(2, '0')}-${parts[0]!.padStart(2, '0')}`;
  }
  return t;
}

/** An ISO day that exists on the calendar (not 31/02), or the reason it is not. */
export function isRealDay(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
