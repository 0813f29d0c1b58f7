import { z } from 'zod';

/**
 * The normalized shape of one procedure of the national catalogue (procedures/catalogue/README.md).
 * Facts only: codes, official names, numbers. No description or step text is kept.
 */

/** Levels from `cap_thuc_hien`: "Cấp bộ" ministry, "Cấp tỉnh" province, "Cấp xã" commune, "Cơ quan khác" other. */
export const LEVELS = ['ministry', 'province', 'commune', 'other'] as const;
export type Level = (typeof LEVELS)[number];

/** Submission channels: "Trực tiếp" counter, "Trực tuyến" online, "Dịch vụ bưu chính" post. */
export const CHANNELS = ['counter', 'online', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Subjects from `doi_tuong_thuc_hien`, one per label the portal uses. */
export const SUBJECT_KINDS = [
  'citizen', 'overseas-vietnamese', 'foreigner', 'civil-servant', 'party-member',
  'enterprise', 'foreign-invested-enterprise', 'cooperative', 'organisation', 'foreign-organisation', 'party-organisation',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** The coarse audience a finder filters on: people, or organisations of any kind. */
export const AUDIENCES = ['citizen', 'organisation'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** `months` is not in the first list of units but the portal states it (12 rows), so it is kept rather than lost. */
export const DEADLINE_UNITS = ['working-days', 'days', 'hours', 'working-hours', 'months', 'same-day'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/**
 * The time the portal states for a channel. A bare number without a unit keeps its amount with
 * `unit: null`. Otherwise `amount: null` with a marker: `not-stated` ("Không có thông tin" or no
 * time), `varies` (several rows for the channel: steps or cases), `unparsed` (the time is glued to
 * a sum of money, "120 VNĐ", and cannot be split safely). Nothing is ever guessed.
 */
export const deadlineSchema = z.union([
  z.strictObject({ amount: z.number().positive(), unit: z.enum(DEADLINE_UNITS) }),
  z.strictObject({ amount: z.number().positive(), unit: z.null(), marker: z.literal('unit-not-stated') }),
  z.strictObject({ amount: z.null(), unit: z.null(), marker: z.enum(['not-stated', 'varies', 'unparsed']) }),
]);
export type Deadline = z.infer<typeof deadlineSchema>;

/**
 * The fee for a channel. `council`: set by the province (its People's Council, or its People's
 * Committee where the page says so), so it differs by province. `not-stated`: the portal says
 * "Không có thông tin". `unparsed`: stated, but not as one of the other kinds (several tiers, a
 * foreign currency, a contradiction); the raw text stays out of the file.
 */
export const feeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('free') }),
  z.strictObject({ kind: z.literal('amount'), vnd: z.int().positive() }),
  z.strictObject({ kind: z.literal('per-unit'), vnd: z.int().positive(), unit: z.string().min(1) }),
  z.strictObject({ kind: z.literal('council') }),
  z.strictObject({ kind: z.literal('not-stated') }),
  z.strictObject({ kind: z.literal('unparsed') }),
]);
export type Fee = z.infer<typeof feeSchema>;

export const channelTermsSchema = z.strictObject({ deadline: deadlineSchema, fee: feeSchema });
export type ChannelTerms = z.infer<typeof channelTermsSchema>;

export const requiredDocumentSchema = z.strictObject({
  name: z.string().min(1),
  /** Number of originals ("bản chính") and copies ("bản sao") the table states. */
  originals: z.int().nonnegative(),
  copies: z.int().nonnegative(),
  /** The table links a form (a .doc/.docx/.pdf/.xls file) for this document. */
  hasForm: z.boolean(),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

export const resultSchema = z.strictObject({ name: z.string().min(1), code: z.string().nullable() });
export type Result = z.infer<typeof resultSchema>;

export const provenanceSchema = z.strictObject({ repo: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/), file: z.string() });
export type Provenance = z.infer<typeof provenanceSchema>;

/** One line of catalogue.jsonl. */
export const procedureSchema = z.strictObject({
  code: z.string().regex(/^\d+\.\d+$/),
  name: z.string().min(1),
  levels: z.array(z.enum(LEVELS)).min(1),
  field: z.string(),
  competentAgency: z.string().nullable(),
  implementingAgency: z.string().nullable(),
  subjects: z.array(z.enum(SUBJECT_KINDS)),
  audience: z.array(z.enum(AUDIENCES)),
  channels: z.strictObject({ counter: channelTermsSchema.optional(), online: channelTermsSchema.optional(), post: channelTermsSchema.optional() }),
  documents: z.array(requiredDocumentSchema),
  results: z.array(resultSchema),
  legalBases: z.array(z.string()),
  source: provenanceSchema,
});
export type Procedure = z.infer<typeof procedureSchema>;

/** The fields of a crawled page this importer reads; the others (descriptions, steps) are ignored on purpose. */
export type RawProcedure = {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  cap_thuc_hien: string;
  linh_vuc: string;
  doi_tuong_thuc_hien: string;
  co_quan_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  ket_qua_xu_ly: string;
  can_cu_phap_ly: string;
};
