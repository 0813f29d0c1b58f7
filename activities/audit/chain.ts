import { createHash } from 'node:crypto';

/** The hash of the first event's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  dossierCode: string;
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  actorAgencyCode: string | null;
  agencyCode: string;
  fromStatus: string | null;
  toStatus: string;
  data: unknown;
  at: string;
}

export function chainHash(prevHash: string, f: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(f)).digest('hex');
}
