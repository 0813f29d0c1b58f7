import type { Channel } from './procedure-rules';
import type { Role } from './roles';

/**
 * What a role's own record and submissions must look like — data rules about the people
 * involved, not permissions (those are domain/ability.ts).
 */

/**
 * The channels each submitting role uses, the first being its default: a desk officer takes
 * dossiers at the counter, or records one received by post; a citizen submits online, or at the kiosk when the kiosk says so (its
 * fee is the counter's, never lower, so nothing is gained by claiming it). A citizen's dossier is
 * their own (they read and act on it as its applicant).
 */
export const SUBMISSION: Partial<Record<Role, { channels: readonly Channel[]; ownDossier: boolean }>> = {
  'desk-officer': { channels: ['counter', 'post'], ownDossier: false },
  citizen: { channels: ['online', 'kiosk'], ownDossier: true },
  // A helper files online for a citizen: the dossier is the citizen's, not the helper's.
  helper: { channels: ['online'], ownDossier: false },
};

/** Whether a user of the role has an agency: citizens none, officers and helpers one, the administrator may. */
export const AGENCY_OF_ROLE = {
  citizen: 'none',
  'desk-officer': 'required',
  specialist: 'required',
  leader: 'required',
  supervisor: 'required',
  admin: 'optional',
  // The commune whose community digital technology team the volunteer belongs to.
  helper: 'required',
} as const satisfies Record<Role, 'none' | 'required' | 'optional'>;

/** Who a dossier can be assigned to: a specialist of its agency. */
export const ASSIGNABLE_ROLES: ReadonlySet<Role> = new Set<Role>(['specialist']);
