import { downloadCSV, type FetchRelatedRecords } from 'react-admin';
import type { DossierListItem } from '../types';
import { csvFileName, dossierCsv } from './dossier-csv';

/** The list's export: the agencies' and assignees' names fetched once, then a dated Vietnamese CSV (dossier-csv). */
export async function dossierExporter(records: DossierListItem[], fetchRelatedRecords: FetchRelatedRecords) {
  // One look-up for both agency columns: a forwarded dossier names two agencies.
  const agencyRefs = records.flatMap((r) => [{ code: r.agencyCode }, { code: r.receivingAgencyCode }]);
  const [agencies, users] = await Promise.all([
    agencyRefs.length ? fetchRelatedRecords<{ name: string }>(agencyRefs, 'code', 'agencies') : {},
    records.some((r) => r.assigneeId) ? fetchRelatedRecords<{ fullName: string }>(records, 'assigneeId', 'users') : {},
  ]);
  downloadCSV(dossierCsv(records, { agencies, users }), csvFileName());
}
