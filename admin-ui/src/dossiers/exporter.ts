import { downloadCSV } from 'react-admin';
import type { Dossier } from '../types';
import { csvCell as cell } from './csv-cell';


/** CSV of the filtered list with the columns an office reports on (no personal numbers). */
export function dossierExporter(records: Dossier[]) {
  const header = ['code', 'procedureCode', 'procedure', 'status', 'channel', 'applicant', 'receivingAgencyCode', 'agencyCode', 'assigneeId', 'receivedAt', 'dueAt', 'overdue', 'finishedAt'];
  const rows = records.map((r) =>
    [r.code, r.procedureCode, r.procedureName?.vi, r.status, r.channel, r.applicant.fullName, r.receivingAgencyCode, r.agencyCode, r.assigneeId, r.receivedAt, r.dueAt, r.overdue, r.finishedAt].map(cell).join(','),
  );
  // A BOM so spreadsheet programs read Vietnamese diacritics as UTF-8.
  downloadCSV(`\uFEFF${[header.join(','), ...rows].join('\n')}`, 'ho-so');
}
