// Page furniture shared by every one-stop-shop form: fonts, national header, title, labelled
// fields, lists, the signature block and the lookup QR.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadFonts } from './fonts.js';

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 56;
const BODY_SIZE = 11.5;
const QR_SIZE = 90;

export async function createPdf(opts: { title: string; issuedAt: string; compress?: boolean; layout?: 'portrait' | 'landscape' }): Promise<Pdf> {
  const { regular, bold } = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margin: MARGIN,
    compress: opts.compress ?? true,
    // A fixed CreationDate also fixes the document ID, so the same input gives the same bytes.
    info: { Title: opts.title, Producer: 'motcua', Creator: 'motcua', CreationDate: new Date(opts.issuedAt) },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  return doc.font('regular').fontSize(BODY_SIZE);
}

export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Agency on the left, the national motto on the right, the place-and-date line under it. */
export function nationalHeader(doc: Pdf, agencyName: string, issuedAt: string): void {
  const top = doc.y;
  const width = doc.page.width - 2 * MARGIN;
  const left = width * 0.42;
  doc.font('bold').fontSize(10.5);
  doc.text(agencyName.toUpperCase(), MARGIN, top, { width: left, align: 'center' });
  const leftBottom = doc.y;
  doc.fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + left, top, { width: width - left, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: width - left, align: 'center', underline: true });
  const { day, month, year } = vietnamTime(issuedAt);
  doc.moveDown(0.6).font('regular').fontSize(10.5);
  doc.text(`Ngày ${day} tháng ${month} năm ${year}`, { width: width - left, align: 'center' });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, leftBottom); // a long agency name may run below the date line
  doc.moveDown(1.5).fontSize(BODY_SIZE);
}

export function title(doc: Pdf, text: string, lines: string[] = []): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(14).text(text, MARGIN, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(BODY_SIZE);
  for (const line of lines) doc.text(line, { width, align: 'center' });
  doc.moveDown(1);
}

export function paragraph(doc: Pdf, text: string): void {
  doc.font('regular').text(text, MARGIN).moveDown(0.3);
}

export function label(doc: Pdf, text: string): void {
  doc.font('bold').text(text, MARGIN).font('regular').moveDown(0.2);
}

export function field(doc: Pdf, label: string, value: string | undefined): void {
  if (!value) return;
  doc.font('bold').text(`${label}: `, MARGIN, doc.y, { continued: true });
  doc.font('regular').text(value).moveDown(0.2);
}

export function numbered(doc: Pdf, items: readonly string[]): void {
  items.forEach((item, i) => doc.font('regular').text(`${i + 1}. ${item}`, MARGIN + 16).moveDown(0.1));
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

export function signature(doc: Pdf, role: string, name?: string): void {
  const width = (doc.page.width - 2 * MARGIN) / 2;
  if (doc.y + 110 > doc.page.maxY()) doc.addPage(); // keep the block on one page
  doc.moveDown(1).font('bold').text(role.toUpperCase(), MARGIN + width, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(10).text('(Ký và ghi rõ họ tên)', { width, align: 'center' });
  if (name) doc.moveDown(2.5).font('bold').fontSize(BODY_SIZE).text(name, { width, align: 'center' });
  doc.font('regular').fontSize(BODY_SIZE);
  doc.x = MARGIN;
}

/** QR of a public URL at the bottom right of the last page, the dossier code under it. */
export async function lookupQr(doc: Pdf, url: string, dossierCode: string, lines: readonly string[]): Promise<void> {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360 });
  const bottom = doc.page.height - MARGIN; // pdfkit breaks the page for text below this line
  const top = bottom - QR_SIZE - 16;
  if (doc.y > top) doc.addPage();
  const x = doc.page.width - MARGIN - QR_SIZE;
  doc.image(png, x, top, { width: QR_SIZE, height: QR_SIZE });
  doc.font('bold').fontSize(9).text(dossierCode, x - 30, top + QR_SIZE + 3, {
    width: QR_SIZE + 60, align: 'center', lineBreak: false,
  });
  // One line each, bottom up from the margin: a line too long for the width would wrap onto a new page.
  lines.forEach((line, i) => {
    doc.font('regular').fontSize(8.5).text(line, MARGIN, bottom - 12 * (lines.length - i), {
      width: doc.page.width - 3 * MARGIN - QR_SIZE, lineBreak: false, ellipsis: true,
    });
  });
}

/** Calendar fields in Vietnam time (UTC+7, no daylight saving), without relying on host ICU. */
export function vietnamTime(iso: string) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${iso}`);
  const t = new Date(ms + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    day: two(t.getUTCDate()), month: two(t.getUTCMonth() + 1), year: String(t.getUTCFullYear()),
    hour: two(t.getUTCHours()), minute: two(t.getUTCMinutes()),
  };
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function formatVietnamDateTime(iso: string): string {
  const { day, month, year, hour, minute } = vietnamTime(iso);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/**
 * "9 giờ 30 phút, ngày 01 tháng 7 năm 2025": how the Circular 01/2018 forms write an instant
 * ("… giờ … phút, ngày … tháng … năm …"), in Vietnam time.
 */
export function formatVietnamLongDateTime(iso: string): string {
  const { day, month, year, hour, minute } = vietnamTime(iso);
  return `${Number(hour)} giờ ${minute} phút, ngày ${day} tháng ${Number(month)} năm ${year}`;
}

/** dd/MM/yyyy in Vietnam time: the register's date columns. */
export function formatVietnamDate(iso: string): string {
  const { day, month, year } = vietnamTime(iso);
  return `${day}/${month}/${year}`;
}
