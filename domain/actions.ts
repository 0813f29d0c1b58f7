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
  /** A site visit with the applicant (thẩm định thực địa), or a new date for it: when and where. */
  'schedule-inspection': z.object({ at: z.iso.datetime({ offset: true }), place: z.string().trim().min(3, 'say where the visit takes place').max(300), note }).strict(),
  /** The visit's minutes (biên bản), an uploaded PDF, and what the site showed. */
  'record-inspection': z.object({ minutes: attachmentRef, outcome: z.enum(['conforms', 'deviates']), note }).strict(),
  /** Opinions asked of other agencies, each with its own working days (at most the stage's); none listed: the note says why none is needed. */
  'request-opinions': z
    .object({
      agencies: z.array(z.object({ agencyCode: z.string().trim().min(1).max(40), days: z.number().int().min(1).max(60).optional() }).strict()).max(10),
      note: z.string().trim().min(3, 'say what the agencies are asked').max(2000),
    })
    .strict(),
  /** A consulted agency's answer: agree, disagree or agree with conditions, with its reasons and optionally its signed letter. */
  'record-opinion': z.object({ opinion: z.enum(['agree', 'disagree', 'conditions']), note, attachment: attachmentRef.optional() }).strict(),
  /** The transfer slip (Phiếu chuyển thông tin để xác định nghĩa vụ tài chính) sent to the tax office. */
  'send-to-tax': z.object({ slipNo: z.string().trim().min(1).max(100), note }).strict(),
  /** The tax office's notice of what the applicant owes. */
  'record-tax-notice': z.object({ noticeNo: z.string().trim().min(1).max(100), amount: z.number().int().nonnegative().max(1e13) }).strict(),
  /** The applicant's proof of payment (receipt number), or the exemption that replaces it; exactly one. */
  'record-tax-payment': z
    .object({ receiptNo: z.string().trim().min(1).max(100).optional(), exemption: z.string().trim().min(3).max(2000).optional(), note })
    .strict()
    .refine((b) => (b.receiptNo === undefined) !== (b.exemption === undefined), { message: 'give either the receipt number or the exemption, not both' }),
  supplement: z
    .object({ form: z.record(z.string(), z.unknown()).optional(), attachments: z.array(attachmentRef).optional() })
    .strict(),
  assign: z.object({ assigneeId: z.string().min(1) }).strict(),
  verify: z.object({ note }).strict(),
  /** A lawful verification: the deadline grows by `days` (at most the stage's), without an apology. */
  'require-verification': z.object({ reason, days: z.number().int().min(1).max(60).optional() }).strict(),
  /** A hop along the agency tree; `shareWorkingDays`: its time share, when the officer chooses it (repeatable hand-off only). */
  forward: z.object({ agencyCode: z.string().min(1), shareWorkingDays: z.number().int().min(1).max(365).optional(), note }).strict(),
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
