// Time units and actors the workflow tests and scripts/record-histories.ts share.
import type { Actor, Role } from '../../../domain/roles';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The commune every test dossier is filed at. */
export const COMMUNE = 'H38.X001';

export const officer = (role: Role, agencyCode: string): Actor => ({ id: `${role}@${agencyCode}`, role, agencyCode });
export const citizen: Actor = { id: 'citizen-1', role: 'citizen', agencyCode: null };
