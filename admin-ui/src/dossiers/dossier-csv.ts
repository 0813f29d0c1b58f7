import { formatDateTime } from '../common/format';
import { appVi } from '../i18n/vi';
import type { DossierListItem } from '../types';
import { csvCell as cell } from './csv-cell';

/** Names the rows point to, by code or id (fetched once per export). */
export interface CsvNames {
  agencies: Record<string, { name: string }>;
  users: Record<string, { fullName: string }>;
}

// The CSV is for the province's own reports: Vietnamese whatever the interface language.
const F = appVi.resources.dossiers.fields;
const L = appVi.app;
const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** The columns an office reports on (no personal numbers), as Vietnamese readers expect them. */
const COLUMNS: [header: string, value: (r: DossierListItem, n: CsvNames) => unknown][] = [
  [F.code, (r) => r.code],
  ['Mã thủ tục', (r) => r.procedureCode],
  [F.procedureName, (r) => r.procedureName?.vi ?? r.procedureCode],
  [F.status, (r) => L.status[r.status] ?? r.status],
  [F.channel, (r) => L.channel[r.channel] ?? r.channel],
  [F.applicant.fullName, (r) => r.applicant.fullName],
  [F.receivingAgencyCode, (r, n) => n.agencies[r.receivingAgencyCode]?.name ?? r.receivingAgencyCode],
  [F.agencyCode, (r, n) => n.agencies[r.agencyCode]?.name ?? r.agencyCode],
  [F.assigneeId, (r, n) => (r.assigneeId ? (n.users[r.assigneeId]?.fullName ?? '') : '')],
  [F.receivedAt, (r) => formatDateTime(r.receivedAt)],
  [F.dueAt, (r) => formatDateTime(r.dueAt)],
  [F.overdue, (r) => yesNo(r.overdue)],
  [F.finishedAt, (r) => formatDateTime(r.finishedAt)],
];

/**
 * The filtered list as a CSV a spreadsheet opens as it is: Vietnamese headers and labels, times in
 * Vietnam (dd/MM/yyyy HH:mm, common/format), names instead of codes and ids, formula-like cells
 * defused (csv-cell), and a BOM so Excel reads the diacritics as UTF-8.
 */
export function dossierCsv(records: DossierListItem[], names: CsvNames): string {
  const lines = [COLUMNS.map(([h]) => cell(h)).join(','), ...records.map((r) => COLUMNS.map(([, v]) => cell(v(r, names))).join(','))];
  return `\uFEFF${lines.join('\r\n')}`;
}

/** `ho-so-2026-12-01`: the day of the export in Vietnam (downloadCSV adds `.csv`). */
export const csvFileName = (now = new Date()) => `ho-so-${now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' })}`;
