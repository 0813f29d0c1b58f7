// A plain ruled table for the forms that are tables (05, the control sheet; 06, the register):
// a bold header row repeated on every page, cells that wrap, rows never split across pages.
import type { Pdf } from './layout.js';

export interface Column {
  header: string;
  /** Share of the printable width. */
  width: number;
}

const PAD = 3;

export function table(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[], fontSize = 9): void {
  const left = doc.page.margins.left;
  const printable = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * printable);
  const heightOf = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const draw = (cells: readonly string[], font: 'regular' | 'bold') => {
    const h = heightOf(cells, font);
    const top = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      doc.rect(x, top, w, h).lineWidth(0.5).stroke();
      doc.font(font).fontSize(fontSize).text(text, x + PAD, top + PAD, { width: w - 2 * PAD, align: font === 'bold' ? 'center' : 'left' });
      x += w;
    });
    doc.x = left;
    doc.y = top + h;
  };
  const header = columns.map((c) => c.header);
  draw(header, 'bold');
  for (const row of rows) {
    if (doc.y + heightOf(row, 'regular') > doc.page.maxY()) {
      doc.addPage();
      draw(header, 'bold');
    }
    draw(row, 'regular');
  }
  doc.font('regular').fontSize(11.5).moveDown(0.5);
}
