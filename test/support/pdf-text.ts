import { inflateSync } from 'node:zlib';

/**
 * Reads back the text of an uncompressed pdfkit PDF: pdfkit writes glyph ids as hex in TJ
 * arrays, one font per Tf, and each embedded font's ToUnicode CMap maps its ids to Unicode.
 */
export function extractText(pdf: string): string {
  const objects = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const cmapOf = new Map<string, string[][]>(); // font resource name → glyph id → UTF-16 units
  for (const [, name, ref] of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(ref!) ?? '')?.[1];
    if (!cmapRef) continue;
    const glyphs: string[][] = [];
    for (const [, start, list] of (objects.get(cmapRef) ?? '').matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
      [...list!.matchAll(/<([^>]*)>/g)].forEach((u, i) => (glyphs[parseInt(start!, 16) + i] = u[1]!.split(' ')));
    }
    cmapOf.set(name!, glyphs);
  }
  let font: string[][] = [];
  let y = '';
  let text = '';
  const ops = /1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/g;
  for (const [, tm, tf, tj] of pdf.matchAll(ops)) {
    if (tm) {
      if (tm !== y) text += '\n'; // a fragment on the same baseline continues the line
      y = tm;
    } else if (tf) font = cmapOf.get(tf) ?? [];
    else {
      const ids = [...tj!.matchAll(/<([0-9a-f]*)>/g)].flatMap((h) => h[1]!.match(/.{4}/g) ?? []);
      text += ids.map((id) => String.fromCharCode(...(font[parseInt(id, 16)] ?? []).map((u) => parseInt(u, 16)))).join('');
    }
  }
  return text;
}

/**
 * A compressed pdfkit PDF with its Flate streams inflated in place, as latin1 text that
 * extractText reads (production serves compressed PDFs). A stream that does not inflate stays.
 */
export function inflatePdf(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  let out = '';
  let pos = 0;
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(s); m; m = streams.exec(s)) {
    const start = m.index + m[0].length;
    const head = s.slice(s.lastIndexOf(' obj', m.index), m.index);
    const length = Number(/\/Length (\d+)/.exec(head)?.[1] ?? 0);
    if (!length || !head.includes('/FlateDecode')) continue;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
    } catch {
      continue;
    }
    out += s.slice(pos, start) + body;
    pos = start + length;
    streams.lastIndex = pos;
  }
  return out + s.slice(pos);
}
