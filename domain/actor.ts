/**
 * Who acts on a dossier, as plain types: the workflow bundle imports these and no zod
 * (the API's schemas are in roles.ts).
 */
/**
 * `helper`: a volunteer of a commune's community digital technology team (Tổ công nghệ số cộng
 * đồng) who files dossiers on a citizen's behalf, with the citizen's consent (docs/assisted-filing.md).
 */
export const ROLES = ['citizen', 'desk-officer', 'specialist', 'leader', 'supervisor', 'admin', 'helper'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: carried with every action into the workflow and the audit trail. */
export interface Actor {
  id: string;
  role: Role;
  agencyCode: string | null;
  name?: string;
}

/** The workflow itself (timers, gateway callbacks) acting on a dossier. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin', agencyCode: null, name: 'motcua' };
