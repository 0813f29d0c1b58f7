import { shortName } from './text';
import type { RequiredDocument } from './types';

/** Each table of `thanh_phan_ho_so` starts with this flattened header row; the text before it titles the table. */
const TABLE_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
/**
 * The quantity column closes each row: "1 bản chính", "0 bản chính,1 bản sao". It is glued to the
 * next row, so it is never followed by a space or by ';', ':', ')', ',', '.' (except the ",1 bản sao"
 * part); that tells it from "(01 bản chính)" or "01 bản sao có chứng thực" inside a name. One digit:
 * a year before it ("…/20231 bản chính") must not be read as 20231.
 */
const QUANTITY = /(\d) bản chính(?:,(\d+) bản sao)?(?=$|[^\s;:),.]|,\d)|(\d) bản sao(?=$|[^\s;:),.]|,\d)/g;
const FORM_FILE = /\S*\.(?:docx?|pdf|xlsx?|rtf|odt)$/i;
/** Tables titled as notes ("* Lưu ý:") list advice, not documents. */
const NOTES_TITLE = /Lưu ý/i;
/**
 * Rows that introduce a case or a list ("- Trường hợp thuê nhà ở xã hội:", "Hồ sơ gồm … các giấy tờ
 * sau:") or state the number of sets ("Số lượng hồ sơ: 01 bộ") name no document, whatever their
 * quantity. A document row may also end in ':' before its own sub-list, so the opening words decide.
 */
const NOT_A_DOCUMENT = /^[-+*•\s]*(?:(?:Trường hợp|Đối với|Hồ sơ|Bao gồm|Gồm)[^]*:\s*$|Số lượng hồ sơ)/i;

function rowsOf(table: string): { rows: { text: string; originals: number; copies: number }[]; trailer: string } {
  const rows = [];
  let from = 0;
  for (const m of table.matchAll(QUANTITY)) {
    rows.push({ text: table.slice(from, m.index), originals: Number(m[1] ?? 0), copies: Number(m[2] ?? m[3] ?? 0) });
    from = m.index + m[0].length;
  }
  return { rows, trailer: table.slice(from) };
}

/** Where the form's file title is glued to the name: a lower-case letter or ')' directly before a capital or digit ("…hoạt độngMẫu TP-LS-02"). */
const GLUE = /[\p{Ll})](?=[\p{Lu}\d])/gu;

/** The form's file name (its last word is already gone) trails the name; cut at the last glue point near the end. */
function withoutFormTitle(text: string): string {
  const tail = Math.max(0, text.length - 60);
  const glue = [...text.matchAll(GLUE)].filter((m) => m.index >= tail).pop();
  return glue ? text.slice(0, glue.index + 1) : text;
}

/** A document row's name, without the linked form's file title. */
export function documentName(text: string): { name: string; hasForm: boolean } {
  const hasForm = FORM_FILE.test(text.trim());
  return { name: shortName(hasForm ? withoutFormTitle(text.trim().replace(FORM_FILE, '')) : text), hasForm };
}

/**
 * The documents to hand in: every row with at least one original or copy, across all the tables
 * (one per case), except note tables and list headings. Rows with no quantity are headings or
 * advice (a few documents the portal lists with no quantity are lost; see the README's figures).
 */
export function parseDocuments(raw: string): RequiredDocument[] {
  const tables = raw.normalize('NFC').split(TABLE_HEADER);
  const docs: RequiredDocument[] = [];
  let title = tables[0] ?? '';
  for (const table of tables.slice(1)) {
    const { rows, trailer } = rowsOf(table);
    if (!NOTES_TITLE.test(title)) {
      for (const row of rows) {
        if (row.originals + row.copies === 0 || NOT_A_DOCUMENT.test(row.text)) continue;
        const { name, hasForm } = documentName(row.text);
        if (name) docs.push({ name, originals: row.originals, copies: row.copies, hasForm });
      }
    }
    title = trailer;
  }
  return docs;
}
