/** What `npm run chaos` runs its load against and breaks: the dev stack or the cluster (scripts/chaos.ts). */
export type FaultKind = 'api' | 'worker' | 'temporal' | 'postgres';

export interface Rig {
  /** In words, for the report. */
  shape: string;
  base: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  /** The faults this rig can take (PostgreSQL's restart is the same for both: scripts/chaos.ts). */
  faults: readonly Exclude<FaultKind, 'postgres'>[];
  /** Kills one process of that kind hard, and says what it did; the rig (or its supervisor) brings it back. */
  kill(kind: Exclude<FaultKind, 'postgres'>): Promise<string>;
  stop(): Promise<void>;
}
