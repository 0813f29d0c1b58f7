import { z } from 'zod';

export const ROLES = ['citizen', 'desk-officer', 'specialist', 'leader', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const OFFICER_ROLES: readonly Role[] = ['desk-officer', 'specialist', 'leader', 'supervisor'];

/** Who acts: carried with every action into the workflow and the audit trail. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  agencyCode: z.string().nullable(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** The workflow itself (timers, gateway callbacks) acting on a dossier. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin', agencyCode: null, name: 'motcua' };
