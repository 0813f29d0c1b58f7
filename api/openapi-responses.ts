import { z } from 'zod';
import { AGENCY_KINDS } from '../db/schema/agencies';
import { DOCUMENT_KINDS } from './documents/kinds';
import { ACTIONS } from '../domain/actions';
import { COMMUNE_CATEGORIES } from '../domain/deadline-choice';
import { CHANNELS as DOSSIER_CHANNELS, RESULT_KINDS } from '../domain/procedure';
import { roleSchema } from '../domain/roles';
import { STATUSES, STUCK_KINDS } from '../domain/status';
import { TIMELINESS } from '../domain/lifecycle/timeliness';
import { CHANNELS as MESSAGE_CHANNELS } from '../integrations/channels';

/**
 * What the API answers, as zod schemas turned into the OpenAPI document's response schemas.
 * Objects are closed (`additionalProperties: false` in the document): a field that leaks out —
 * a password hash, an unmasked number — fails the fuzzing suite (test/integration/fuzz.test.ts)
 * until it is documented here. Free-form parts (forms, event data, packed rules) stay open.
 */
const at = z.iso.datetime();
const atOrNull = at.nullable();
const label = z.object({ vi: z.string(), en: z.string() });
const status = z.enum(STATUSES);
const anyObject = z.record(z.string(), z.unknown());
const documentRef = z.object({ id: z.string(), name: z.string(), sha256: z.string().optional() });

/** GET /applicants/:idNumber: the last applicant details the desk received for this ID number. */
export const applicantLookupResponse = z.object({
  fullName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  lastDossierCode: z.string(),
  lastDossierAt: z.iso.datetime(),
});

export const dossierResponse = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  procedureName: label.nullable(),
  status,
  channel: z.enum(DOSSIER_CHANNELS),
  applicant: z.object({ fullName: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
  form: anyObject,
  receivingAgencyCode: z.string(),
  agencyCode: z.string(),
  assigneeId: z.string().nullable(),
  receivedAt: atOrNull,
  dueAt: atOrNull,
  /** The deadline the dossier runs on, chosen at submission from its channel and commune (docs/calendar.md). */
  deadline: z.object({ workingDays: z.number().nullable(), calendarDays: z.number().optional(), kind: z.string().optional() }).nullable(),
  stageDueAt: atOrNull,
  finishedAt: atOrNull,
  overdue: z.boolean(),
  fee: z.number().int(),
  paid: z.boolean(),
  missing: z.array(z.string()),
  supplementDueAt: atOrNull,
  paymentDueAt: atOrNull,
  extended: z.boolean(),
  originalDueAt: atOrNull,
  resultReadyAt: atOrNull,
  timeliness: z.enum(TIMELINESS).nullable(),
  /** Financial obligations (a tax stage, api/tax-view.ts): null when the dossier has not reached one. */
  tax: z
    .object({
      sentAt: atOrNull, slipNo: z.string().nullable(), noticedAt: atOrNull, noticeNo: z.string().nullable(), amount: z.number().int().nullable(),
      settledAt: atOrNull, receiptNo: z.string().nullable(), exemption: z.string().nullable(), remindedAt: atOrNull,
      excludedWorkingMinutes: z.number().int(), excludedWorkingDays: z.number(), pausedSince: atOrNull,
    })
    .nullable(),
  shares: z.array(
    z.object({
      agencyCode: z.string(), enteredAt: at, leftAt: atOrNull, dueAt: atOrNull,
      // A hop of the repeatable hand-off: who forwarded it, its working days, its reminder and escalation sent.
      from: z.string().optional(), shareWorkingDays: z.number().int().nullable().optional(),
      reminded: z.boolean().optional(), escalated: z.boolean().optional(),
    }),
  ),
  handoffRoute: z.object({ next: z.object({ agencyCode: z.string(), shareWorkingDays: z.number().int() }).nullable() }).nullable(),
  rating: z.object({ score: z.number(), comment: z.string().optional() }).nullable(),
  /** The site visits scheduled with the applicant and their minutes (the inspect stage; api/stage-view.ts). */
  inspection: z
    .object({
      visits: z.array(z.object({ at, place: z.string(), scheduledAt: at })),
      minutes: z.object({ document: documentRef, outcome: z.enum(['conforms', 'deviates']), note: z.string().nullable(), at }).nullable(),
    })
    .nullable(),
  /** The agencies asked for their opinion, by when, and what each answered (the consult stage). */
  consultation: z
    .object({
      asks: z.array(
        z.object({
          agencyCode: z.string(),
          question: z.string(),
          askedAt: at,
          dueAt: at,
          answer: z
            .object({ opinion: z.enum(['agree', 'disagree', 'conditions', 'no-answer']), deemedAgreed: z.boolean(), note: z.string().nullable(), document: documentRef.nullable(), at })
            .nullable(),
        }),
      ),
    })
    .nullable(),
  /** How the result is handed over (domain/procedure-rules.ts `ResultKind`): online only when `electronic`. */
  result: z.enum(RESULT_KINDS),
  createdAt: atOrNull,
  updatedAt: atOrNull,
  allowedActions: z.array(z.enum(ACTIONS)),
  /** The dossier's workflow in the Temporal Web UI: staff only, when a UI is configured. */
  temporalUrl: z.string().url().nullable(),
});

/**
 * A row of GET /dossiers (api/dossier-list-view.ts): what the lists, the CSV export and the
 * portal's «Hồ sơ của tôi» show, and no more. The form, the stages' records and the allowed
 * actions are the dossier page's (GET /dossiers/:code): a page of 500 rows carried them all.
 */
export const dossierListItemResponse = dossierResponse
  .pick({
    code: true, procedureCode: true, procedureVersion: true, procedureName: true, status: true, channel: true,
    receivingAgencyCode: true, agencyCode: true, assigneeId: true, receivedAt: true, dueAt: true, stageDueAt: true, finishedAt: true,
    overdue: true, fee: true, paid: true, supplementDueAt: true, paymentDueAt: true, timeliness: true, createdAt: true, updatedAt: true,
  })
  .extend({ applicant: z.object({ fullName: z.string() }) });

/** A stuck dossier in GET /dossiers/stuck (api/routes/stuck.routes.ts): where it is and why, nothing of the file. */
export const stuckDossierResponse = z.object({
  code: z.string(),
  procedureCode: z.string(),
  agencyCode: z.string(),
  receivingAgencyCode: z.string(),
  status,
  stuckAt: atOrNull,
  stuckKind: z.enum(STUCK_KINDS).nullable(),
  stuckReason: z.string().nullable(),
  updatedAt: at,
});

/** Where a file taken from the citizen's store came from (api/citizen-store.ts), and whether its signature verifies now. */
export const storeMarkResponse = z.object({
  kind: z.string(),
  procedureCode: z.string(),
  dossierCode: z.string(),
  issuedAt: at,
  verifyCode: z.string(),
  signatureValid: z.boolean(),
});
export const storeDocumentResponse = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  dossierCode: z.string(),
  sha256: z.string(),
  issuedAt: at,
  verifyCode: z.string(),
});

export const attachmentResponse = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** The required document (its Vietnamese label) the uploader sent this file as; null for none. */
  requirement: z.string().nullable(),
  createdAt: at,
  /** Taken from the citizen's document store rather than uploaded; null for an upload. */
  fromStore: storeMarkResponse.nullable(),
});
export const uploadedResponse = attachmentResponse.omit({ createdAt: true, fromStore: true });
export const dossierWithAttachmentsResponse = dossierResponse.extend({
  /** The assignee's full name (null when unassigned), for readers who may not list that agency's users. */
  assigneeName: z.string().nullable(),
  attachments: z.array(attachmentResponse),
  /** Gateway money received when none was due, to pay back at the desk (api/refunds.ts); 0 for none. */
  refundDue: z.number().int(),
  /** Filed by a community helper for the citizen (api/assisted-filing.ts); the consent for readers of personal data. */
  assistedBy: z
    .object({
      helperName: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      text: z.string(),
      consent: z.object({ method: z.enum(['sms-code', 'signed-form']), at, attachmentId: z.string().nullable() }).nullable(),
    })
    .nullable(),
});

/** A consent code sent to a citizen's phone (api/routes/consent.routes.ts). */
export const consentCodeResponse = z.object({ id: z.string(), phone: z.string(), expiresAt: at });
export const consentVerifiedResponse = z.object({ id: z.string(), verifiedAt: at, citizen: z.object({ idNumber: z.string(), phone: z.string() }) });
/** The inbound-SMS callback's answer (api/routes/sms-inbound.routes.ts). */
export const smsInboundAckResponse = z.object({ messageId: z.string(), outcome: z.enum(['status', 'unknown-code', 'help']), replyId: z.string(), duplicate: z.boolean() });

export const dossierEventResponse = z.object({
  id: z.string(),
  dossierCode: z.string(),
  seq: z.number().int(),
  type: z.string(),
  /** Left out of a citizen's trail for the office's staff (api/event-view.ts). */
  actorId: z.string().optional(),
  actorRole: z.string(),
  /** The actor's full name, for readers who may not list users (the system's events: null). */
  actorName: z.string().nullable(),
  actorAgencyCode: z.string().nullable(),
  agencyCode: z.string(),
  fromStatus: status.nullable(),
  toStatus: status.nullable(),
  data: anyObject,
  at,
  prevHash: z.string(),
  hash: z.string(),
});

const level = z.enum(['commune', 'province']);
const onlineLevel = z.enum(['full', 'partial', 'counter']);
/** domain/procedure-rules.ts `Deadline`. */
const deadline = z.object({
  workingDays: z.number().nullable(),
  calendarDays: z.number().optional(),
  kind: z.enum(['working-days', 'working-hours', 'calendar-days', 'same-day']).optional(),
});
/** domain/procedure-rules.ts `FeeRule`: how the fee follows the form (domain/fees.ts). */
const feeRule = z.object({
  perUnit: z
    .object({
      field: z.string(),
      tiers: z.array(z.object({ upTo: z.number().nullable(), vnd: z.number() })),
      capPerItem: z.number().optional(),
      timesField: z.string().optional(),
    })
    .optional(),
  exemptions: z.object({ field: z.string(), values: z.array(z.union([z.string(), z.boolean()])) }).optional(),
  source: z.string(),
});
const handoff = z.object({
  departmentCode: z.string(),
  shareWorkingDays: z.number().nullable(),
  /** A hand-off route (domain/lifecycle/stages/handoff-route.ts): each hop's agency and working days. */
  route: z.array(z.object({ to: z.string(), shareWorkingDays: z.number() })).optional(),
});

/** A procedure at its current version (api/routes/procedures.routes.ts `procedureView`). */
export const procedureResponse = z.object({
  code: z.string(),
  version: z.number().int(),
  name: label,
  field: label,
  level,
  fee: z.number(),
  feeOnline: z.number(),
  deadline,
  /** The online and postal channels' own deadlines, where they differ from the counter's. */
  deadlines: z.object({ online: deadline.optional(), post: deadline.optional() }).nullable(),
  difficultCommuneExtraDays: z.number(),
  feeRule: feeRule.nullable(),
  handoff: handoff.nullable(),
  /** Stages carry their own settings (domain/procedure-rules.ts `Stage`). */
  stages: z.array(z.looseObject({ name: z.string() })),
  requiredDocuments: z.array(label),
  fullProcessOnline: z.boolean(),
  portalIntegrated: z.boolean(),
  onlineLevel,
  /** The form as JSON Schema (zod's `toJSONSchema`, with each choice's words in `optionLabels`). */
  formSchema: anyObject,
  formLabels: z.record(z.string(), label),
  example: anyObject,
  keywords: z.array(z.string()),
  source: z.string(),
  /** GET /procedures/:code only: the published versions, newest first. */
  history: z
    .array(z.object({ code: z.string(), version: z.number().int(), changes: anyObject.nullable(), note: z.string().nullable(), publishedBy: z.string().nullable(), publishedAt: at }))
    .optional(),
  /** POST /procedures/:code/versions: what the new version changed, and whether it was only a preview. */
  changes: anyObject.optional(),
  dryRun: z.boolean().optional(),
});

/** One version of Lào Cai's profile of a procedure (api/procedure-profiles.ts). */
export const profileVersionResponse = z.object({
  code: z.string(),
  version: z.number().int(),
  level,
  departmentCode: z.string().nullable(),
  onlineLevel,
  portalIntegrated: z.boolean(),
  /** Each changed field, from what to what (api/procedure-profiles.ts `profileDiff`). */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  note: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: atOrNull,
});
/** GET /procedures/:code/profile: the current profile, its history and the departments that may decide; POST: the new version, and the rules version it published (null: none). */
export const procedureProfileResponse = profileVersionResponse.extend({
  history: z.array(profileVersionResponse).optional(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  rules: z.looseObject({ code: z.string(), version: z.number().int(), level, handoff: handoff.optional() }).nullable().optional(),
  dryRun: z.boolean().optional(),
});

export const agencyResponse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(AGENCY_KINDS),
  parentCode: z.string().nullable(),
});

/** Never a password nor its hash. */
export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  agencyCode: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: at,
  /** False once deactivated (`deactivatedAt` says when): no sign-in, no valid token. */
  active: z.boolean(),
  deactivatedAt: atOrNull,
});

/** GET /calendar/due: the instant a dossier received at `from` falls due. */
export const calendarDueResponse = z.object({ dueAt: at });

export const holidayResponse = z.object({ id: z.string(), date: z.iso.date(), kind: z.enum(['off', 'working']), note: z.string() });

export const communeCategoryResponse = z.object({
  id: z.string(),
  agencyCode: z.string(),
  agencyName: z.string().nullable(),
  category: z.enum(COMMUNE_CATEGORIES),
  source: z.string(),
  updatedBy: z.string(),
  updatedAt: at,
});

const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  agencyCode: z.string().nullable(),
  agency: z.object({ code: z.string(), name: z.string(), kind: z.string() }).nullable(),
});
/** CASL packed rules: `[action, subject, conditions?, …]`. */
const packedRules = z.array(z.array(z.unknown()));
export const meResponse = z.object({ user: sessionUser, rules: packedRules });
export const loginResponse = meResponse.extend({ token: z.string() });
export const logoutResponse = z.object({ loggedOut: z.literal(true) });

/** An officer's TOTP (api/routes/totp.routes.ts): the secret only ever leaves in the enrolment answer. */
export const totpStatusResponse = z.object({ enabled: z.boolean(), pending: z.boolean(), recoveryCodesLeft: z.number().int().min(0) });
export const totpEnrolmentResponse = z.object({
  secret: z.string().describe('base32, for typing into the app by hand'),
  uri: z.string().describe('otpauth://totp/… key URI'),
  qrPng: z.string().describe('the key URI as a QR code, a data: URL of a PNG'),
});
export const totpActivatedResponse = z.object({ enabled: z.literal(true), recoveryCodes: z.array(z.string()).describe('shown this once; each signs in once without the app') });
export const totpDisabledResponse = z.object({ enabled: z.literal(false) });

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  databaseKind: z.string(),
  temporal: z.enum(['up', 'down']),
  /** From the Temporal server's cluster info: `postgres12` on a cluster, `sqlite` on the dev server. */
  temporalPersistence: z.string().optional(),
  temporalVisibility: z.string().optional(),
  /** Pollers on the `dossiers` workflow task queue (one per worker process, roughly). */
  dossierPollers: z.number().int().optional(),
});

export const paymentResponse = z.object({
  amount: z.number().int(),
  paid: z.boolean(),
  paymentDueAt: atOrNull,
  bankBin: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  description: z.string(),
  vietqr: z.string(),
  qrPng: z.string(),
});
/** `refund-due`: stored, but nothing was due (the dossier is not awaiting payment, or closed). */
export const paymentAckResponse = z.object({ status: z.enum(['accepted', 'duplicate', 'refund-due']), refundDue: z.number().int().optional() });

export const publicDossierResponse = z.object({
  code: z.string(),
  procedureName: z.string(),
  status,
  statusText: z.string(),
  receivedAt: atOrNull,
  dueAt: atOrNull,
  nextStep: z.string(),
  missing: z.array(z.string()),
  fee: z.number().int(),
  paid: z.boolean(),
  documents: z.array(z.enum(DOCUMENT_KINDS)),
  /** While a supplement is asked: its due day, after which the dossier is cancelled. */
  supplementDueAt: atOrNull,
  /** While the fee is due: the same VietQR as GET /dossiers/:code/payment. */
  payment: paymentResponse.nullable(),
});

/** What the public verification page checked of a signed document (api/issued-documents.ts). */
export const documentVerificationResponse = z.object({
  code: z.string(),
  valid: z.boolean(),
  checks: z.object({ hash: z.boolean(), signature: z.boolean(), certificate: z.boolean() }),
  problem: z.string().optional(),
  document: z.object({ kind: z.enum(DOCUMENT_KINDS), title: z.string(), dossierCode: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  signer: z.object({
    subject: z.string(),
    commonName: z.string().nullable(),
    organization: z.string().nullable(),
    issuer: z.string().nullable(),
    certSha256: z.string(),
  }),
  signedAt: at,
});

export const outboxMessageResponse = z.object({
  id: z.string(),
  dossierCode: z.string(),
  eventSeq: z.number().int(),
  channel: z.enum(MESSAGE_CHANNELS),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: atOrNull,
  lastError: z.string().nullable(),
  createdAt: at,
  sentAt: atOrNull,
  channelConfigured: z.boolean(),
  payload: anyObject,
});

export const notificationsResponse = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      dossierCode: z.string(),
      agencyCode: z.string(),
      at,
      kind: z.string(),
      dueAt: atOrNull,
      read: z.boolean(),
      readAt: atOrNull,
    }),
  ),
});
export const notificationReadResponse = z.object({ id: z.string(), read: z.literal(true), unread: z.number().int() });

const rate = z.number().nullable();
const split = { early: z.number().int(), onTime: z.number().int(), late: z.number().int(), onTimeRate: rate };
/** GET /stats/timeliness (api/stats-timeliness.ts). */
export const timelinessStatsResponse = z.object({
  total: z.object(split),
  byAgency: z.array(z.object({ agencyCode: z.string(), agencyName: z.string(), ...split })),
  byProcedure: z.array(z.object({ procedureCode: z.string(), procedureName: z.string(), ...split })),
  indicators: z.array(
    z.object({
      group: z.enum(['transparency', 'progress', 'online-services', 'satisfaction', 'digitisation']),
      measures: z.array(z.object({ key: z.string(), rate })),
      missing: z.string().nullable(),
    }),
  ),
  asOf: at,
});
export const integrationStatsResponse = z.object({
  services: z.object({ integrated: z.number().int(), total: z.number().int(), rate }),
  dossiers: z.object({ synced: z.number().int(), total: z.number().int(), rate, ofIntegratedServices: z.number().int(), integratedRate: rate }),
  outbox: z.object({ pending: z.number().int(), dead: z.number().int(), sent: z.number().int(), configuredChannels: z.array(z.string()) }),
});

/** GET /api/stats/public: the province's headline figures (issue 12 §2). */
const count = z.number().int().nonnegative();
export const publicStatsResponse = z.object({
  procedures: count,
  online: z.object({ full: count, partial: count, total: count, rate }),
  commune: z.object({ total: count, online: count, rate }),
  fullProcessByLevel: z.object({ commune: count, province: count }),
  nationalPortal: z.object({ synced: count, rate }),
});

/** GET /api/procedure-fields: one field (lĩnh vực) of the catalogue. */
export const procedureFieldResponse = z.object({ field: z.string(), procedures: count, commune: count });

/** POST /advisor: the candidates, best first, and the next question while several are close. */
export const adviceResponse = z.object({
  candidates: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
  question: z
    .object({
      id: z.string(),
      text: z.string(),
      options: z.array(z.object({ id: z.string(), label: z.string(), codes: z.array(z.string()) })),
    })
    .optional(),
});
