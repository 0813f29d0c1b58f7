import { chainHash, GENESIS_HASH, type ChainedFields } from './chain';

/** An audit row as read from `dossier_events`: the fields the chain covers, plus the hashes. */
export type AuditRow = Omit<ChainedFields, 'at'> & { at: Date | string; prevHash: string; hash: string };

export type ChainVerdict =
  | { dossierCode: string; ok: true; events: number }
  | { dossierCode: string; ok: false; events: number; brokenAtSeq: number; reason: string };

/**
 * Recomputes one dossier's hash chain over its rows (any order; sorted by seq here): each row
 * must follow the previous one's hash, carry seq n+1, and hash to what it stores. Reports the
 * first row where any of that fails. Pure: no database, so tests and the CLI share it.
 */
export function verifyChain(dossierCode: string, rows: readonly AuditRow[]): ChainVerdict {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of sorted) {
    const broken = (reason: string): ChainVerdict => ({ dossierCode, ok: false, events: sorted.length, brokenAtSeq: row.seq, reason });
    if (row.dossierCode !== dossierCode) return broken(`row belongs to ${row.dossierCode}`);
    if (row.seq !== expectedSeq) return broken(`expected seq ${expectedSeq}, found ${row.seq}`);
    if (row.prevHash !== prevHash) return broken('prev_hash does not match the previous event hash');
    const fields: ChainedFields = {
      dossierCode: row.dossierCode,
      seq: row.seq,
      type: row.type,
      actorId: row.actorId,
      actorRole: row.actorRole,
      actorAgencyCode: row.actorAgencyCode,
      agencyCode: row.agencyCode,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      data: row.data,
      at: new Date(row.at).toISOString(),
    };
    if (chainHash(prevHash, fields) !== row.hash) return broken('content does not match its hash');
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { dossierCode, ok: true, events: sorted.length };
}

/** Verifies every dossier found in `rows`, grouped by dossier code, codes in order. */
export function verifyAll(rows: readonly AuditRow[]): ChainVerdict[] {
  const byDossier = new Map<string, AuditRow[]>();
  for (const r of rows) {
    const list = byDossier.get(r.dossierCode);
    if (list) list.push(r);
    else byDossier.set(r.dossierCode, [r]);
  }
  return [...byDossier.keys()].sort().map((code) => verifyChain(code, byDossier.get(code)!));
}
