import { z } from 'zod';
import { ACTIONS, type Action } from './action-names';

export { ACTIONS, type Action };
export const actionSchema = z.enum(ACTIONS);

const note = z.string().trim().max(2000).optional();
const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(2000);
const attachmentRef = z.object({ id: z.string().min(1), name: z.string().min(1), sha256: z.string().optional() });

/** Body of each action, as the API receives it. */
export const actionBodySchemas = {
  receive: z.object({}).strict(),
  'not-accept': z.object({ reason }).strict(),
  /** Form 02 at reception: what the file lacks; the dossier is not received until it is completed. */
  'request-completion': z
    .object({ missing: z.array(z.string().trim().min(1).max(500)).min(1, 'list at least one missing item').max(50), note })
    .strict(),
  complete: z.object({ note }).strict(),
  'request-supplement': z
    .object({ missing: z.array(z.string().trim().min(1)).min(1, 'list at least one missing item'), note })
    .strict(),
  /** An objection raised during a public posting, as the office recorded it. */
  'record-objection': z.object({ note: z.string().trim().min(3, 'say what the objection is').max(2000), from: z.string().trim().min(2).max(200).optional() }).strict(),
  supplement: z
    .object({ form: z.record(z.string(), z.unknown()).optional(), attachments: z.array(attachmentRef).optional() })
    .strict(),
  assign: z.object({ assigneeId: z.string().min(1) }).strict(),
  verify: z.object({ note }).strict(),
  /** A lawful verification: the deadline grows by `days` (at most the stage's), without an apology. */
  'require-verification': z.object({ reason, days: z.number().int().min(1).max(60).optional() }).strict(),
  forward: z.object({ agencyCode: z.string().min(1), note }).strict(),
  return: z.object({ note }).strict(),
  approve: z.object({ note }).strict(),
  reject: z.object({ reason }).strict(),
  'record-payment': z.object({ amount: z.number().int().nonnegative(), receiptNo: z.string().trim().min(1) }).strict(),
  /**
   * `present`: who collected it at the desk, as checked there (name and personal ID number); a
   * result handed to both spouses in person needs both (stages/deliver.ts).
   */
  deliver: z
    .object({
      method: z.enum(['online', 'desk']),
      present: z.array(z.object({ name: z.string().trim().min(2).max(100), idNumber: z.string().regex(/^\d{12}$/, 'a 12-digit personal ID number') }).strict()).min(1).max(2).optional(),
    })
    .strict(),
  withdraw: z.object({ reason: z.string().trim().max(2000).optional() }).strict(),
  extend: z.object({ newDueAt: z.iso.datetime({ offset: true }), reason }).strict(),
  rate: z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() }).strict(),
} as const satisfies Record<Action, z.ZodType>;

export type ActionBodies = { [A in Action]: z.infer<(typeof actionBodySchemas)[A]> };
export type ActionRequest = { [A in Action]: { action: A; body: ActionBodies[A] } }[Action];
