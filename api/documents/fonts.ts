// The document font, Be Vietnam Pro from npm (@fontsource/be-vietnam-pro, OFL). pdfkit's
// built-in Helvetica has no Vietnamese; this package's "all" subset has every letter we print.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const FONT_FILES = {
  regular: '@fontsource/be-vietnam-pro/files/be-vietnam-pro-all-400-normal.woff',
  bold: '@fontsource/be-vietnam-pro/files/be-vietnam-pro-all-700-normal.woff',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Promise<Record<FontName, Buffer>> | undefined;

/** The fonts as TrueType buffers, read and unpacked once per process. */
export function loadFonts(): Promise<Record<FontName, Buffer>> {
  const require = createRequire(import.meta.url);
  const load = async (name: FontName) => woffToSfnt(await readFile(require.resolve(FONT_FILES[name])));
  fonts ??= Promise.all([load('regular'), load('bold')])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      fonts = undefined; // let the next call retry instead of caching the failure
      throw error;
    });
  return fonts;
}

/**
 * Unpacks WOFF 1.0 into the TrueType file it wraps. fontkit reads WOFF, but inflates the whole
 * glyf table again for every glyph it loads: about 2 s a page instead of 50 ms.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + 20 * i; // tag, offset, compLength, origLength, origChecksum
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => woff.readUInt32BE(entry + o));
    const stored = woff.subarray(offset!, offset! + compLength!);
    return { tag: tag!, checksum: checksum!, data: compLength! < origLength! ? inflateSync(stored) : stored };
  });
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(16 * (numTables - 2 ** log2), 10);
  const chunks = [header];
  let offset = header.length;
  tables.forEach(({ tag, checksum, data }, i) => {
    const record = 12 + 16 * i;
    header.writeUInt32BE(tag, record);
    header.writeUInt32BE(checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3); // tables start on 4-byte boundaries
    data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}
