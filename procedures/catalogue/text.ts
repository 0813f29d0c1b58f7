/** Text clean-up shared by the parsers: the crawl keeps NBSP, tabs, zero-width marks and decomposed accents. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200f\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** "2,500,000" / "2.500.000" / "15000000" → 2500000; anything else → null. */
export function parseVnd(digits: string): number | null {
  const s = digits.trim();
  if (!/^\d{1,3}([.,]\d{3})+$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
