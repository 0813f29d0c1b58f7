import { z } from 'zod';
import { ROLES, type Actor, type Role } from './actor';

export { ROLES, SYSTEM_ACTOR, type Actor, type Role } from './actor';

export const roleSchema = z.enum(ROLES);

export const OFFICER_ROLES: readonly Role[] = ['desk-officer', 'specialist', 'leader', 'supervisor'];

export const actorSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  agencyCode: z.string().nullable(),
  name: z.string().optional(),
}) satisfies z.ZodType<Actor>;
