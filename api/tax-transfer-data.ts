import { z } from 'zod';
import { optionLabel, type ChoiceProp } from '../domain/form-choices';
import type { ProcedureDefinition } from '../domain/procedure';
import type { TaxTransfer } from './documents/tax-transfer';

/**
 * Which part of form 19 (Phiếu chuyển thông tin để xác định nghĩa vụ tài chính về đất đai, Decree
 * 151/2025) each field of the land procedures' forms belongs to; a field not listed goes under
 * "other information", so a new field is printed rather than lost.
 */
const SECTION_OF: Record<string, keyof typeof SECTIONS> = {
  landUserName: 'people', landUserIdNumber: 'people', coUserName: 'people',
  transferorName: 'people', transferorIdNumber: 'people', transfereeName: 'people', transfereeIdNumber: 'people',
  landAddress: 'parcel', mapSheetNumber: 'parcel', parcelNumber: 'parcel', areaM2: 'parcel', landUse: 'parcel',
  usedSinceYear: 'parcel', landPapers: 'parcel', landCertificateSerial: 'parcel',
  hasHouse: 'assets',
  transferType: 'transfer', contractDate: 'transfer', notarisedBy: 'transfer', mortgaged: 'transfer',
};

const SECTIONS = {
  people: 'I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất',
  parcel: 'II. Thửa đất',
  assets: 'III. Tài sản gắn liền với đất',
  transfer: 'IV. Việc chuyển quyền sử dụng đất',
  other: 'V. Thông tin khác',
} as const;

const schemas = new WeakMap<object, Record<string, ChoiceProp>>();
function propsOf(form: z.ZodType): Record<string, ChoiceProp> {
  let props = schemas.get(form);
  if (!props) schemas.set(form, (props = ((z.toJSONSchema(form, { unrepresentable: 'any' }) as { properties?: Record<string, ChoiceProp> }).properties ?? {})));
  return props;
}

/**
 * A form value as the slip prints it: words for a choice, Có/Không, a day as dd/mm/yyyy, a decimal
 * comma (312,5 m²) but no thousands dot, which would turn a year or a parcel number into 1.998.
 */
function valueText(prop: ChoiceProp | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return optionLabel(prop, value);
}

/**
 * Form 19's content from the dossier itself: the slip the `send-to-tax` event recorded, and the
 * dossier's form (as this reader may see it: masked for oversight) grouped into the form's parts,
 * each field under its procedure's own Vietnamese label.
 */
export function taxTransferData(
  procedure: Pick<ProcedureDefinition, 'form' | 'formLabels'> | undefined,
  form: unknown,
  sent: { slipNo: string; note?: string; sentBy?: string },
): TaxTransfer {
  const values = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
  const props = procedure ? propsOf(procedure.form) : {};
  const labels = (procedure?.formLabels ?? {}) as Record<string, { vi: string } | undefined>;
  const parts = new Map<keyof typeof SECTIONS, { label: string; value: string }[]>();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    const part = SECTION_OF[key] ?? 'other';
    const lines = parts.get(part) ?? [];
    lines.push({ label: labels[key]?.vi ?? key, value: valueText(props[key], value) });
    parts.set(part, lines);
  }
  const sections = (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).filter((k) => parts.has(k)).map((k) => ({ title: SECTIONS[k], lines: parts.get(k)! }));
  return { slipNo: sent.slipNo, sections, ...(sent.note ? { note: sent.note } : {}), ...(sent.sentBy ? { sentBy: sent.sentBy } : {}) };
}
