/** Shapes of the API contract (api/openapi.ts, served as /api/openapi.json) as the back office reads them. */
// Statuses and actions come from domain/, the one source the API and the workflow use too.
import { ACTIONS, type Action } from '../../domain/action-names';
import type { FeeRule } from '../../domain/procedure-rules';
import { STATUSES as ALL_STATUSES, STUCK_KINDS, type Status, type StuckKind } from '../../domain/status';
export { STUCK_KINDS };
export { ACTIONS };
export type { Action, Status };
export const STATUSES: Status[] = [...ALL_STATUSES];
export const OPEN_STATUSES = STATUSES.slice(0, 7);

export type Localized = { vi: string; en: string };

/** A row of GET /api/dossiers/stuck (docs/operations.md, "Stuck dossiers"). */
export interface StuckDossier {
  id: string;
  code: string;
  procedureCode: string;
  agencyCode: string;
  receivingAgencyCode: string;
  status: Status;
  stuckAt: string | null;
  stuckKind: StuckKind | null;
  stuckReason: string | null;
  updatedAt: string;
}

export interface AgencyShare {
  agencyCode: string;
  enteredAt: string;
  leftAt: string | null;
  dueAt: string | null;
  /** A hop of the repeatable hand-off: who forwarded it and its working days (null: what remained). */
  from?: string;
  shareWorkingDays?: number | null;
}

export interface Dossier {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: Localized | null;
  status: Status;
  channel: 'online' | 'counter' | 'kiosk' | 'post';
  applicant: { fullName: string; idNumber: string | null; phone: string | null; email: string | null; address: string | null };
  form: Record<string, unknown>;
  receivingAgencyCode: string;
  agencyCode: string;
  assigneeId: string | null;
  /** Only on GET /dossiers/:code (the dossier page), not in lists. */
  assigneeName?: string | null;
  /** Filed by a community helper for the citizen (docs/assisted-filing.md). */
  assistedBy?: { helperName: string; communeCode: string; communeName: string; text: string; consent: { method: 'sms-code' | 'signed-form'; at: string; attachmentId: string | null } | null } | null;
  receivedAt: string | null;
  dueAt: string | null;
  stageDueAt: string | null;
  finishedAt: string | null;
  overdue: boolean;
  fee: number;
  paid: boolean;
  missing: string[];
  supplementDueAt: string | null;
  paymentDueAt: string | null;
  extended: boolean;
  /** Financial obligations of a tax stage (api/tax-view.ts); null before (or without) one. */
  tax?: {
    sentAt: string | null;
    slipNo: string | null;
    noticedAt: string | null;
    noticeNo: string | null;
    amount: number | null;
    settledAt: string | null;
    receiptNo: string | null;
    exemption: string | null;
    remindedAt: string | null;
    excludedWorkingMinutes: number;
    excludedWorkingDays: number;
    pausedSince: string | null;
  } | null;
  shares: AgencyShare[];
  /** Handed off along a route (repeatable hops): the route's next hop; null for a single forward or none. */
  handoffRoute?: { next: { agencyCode: string; shareWorkingDays: number } | null } | null;
  rating: { score: number; comment?: string } | null;
  /** The site visits and their minutes (the inspect stage); null when the procedure has none. */
  inspection?: {
    visits: { at: string; place: string; scheduledAt: string }[];
    minutes: { document: { id: string; name: string }; outcome: 'conforms' | 'deviates'; note: string | null; at: string } | null;
  } | null;
  /** The agencies asked for their opinion and their answers (the consult stage). */
  consultation?: {
    asks: { agencyCode: string; question: string; askedAt: string; dueAt: string; answer: { opinion: 'agree' | 'disagree' | 'conditions' | 'no-answer'; deemedAgreed: boolean; note: string | null; at: string } | null }[];
  } | null;
  /** How the result is handed over (domain/procedure-rules.ts `ResultKind`). */
  result: 'electronic' | 'paper' | 'in-person-both-spouses';
  createdAt: string;
  updatedAt: string;
  allowedActions: Action[];
  /** The workflow in the Temporal Web UI (staff only, when configured). */
  temporalUrl: string | null;
}

/** A file a citizen or an officer attached (GET /dossiers/:code/attachments). */
export interface Attachment {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The required document's Vietnamese label it was uploaded as; null for none. */
  requirement: string | null;
  createdAt: string;
}

export interface DossierEvent {
  id: string;
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  actorName: string | null;
  actorAgencyCode: string | null;
  agencyCode: string;
  fromStatus: Status | null;
  toStatus: Status;
  data: Record<string, unknown>;
  at: string;
}

export interface JsonSchemaProp {
  type?: string;
  format?: string;
  enum?: string[];
  /** A choice's display words, from the form schema itself (domain/form-choices.ts). */
  optionLabels?: Record<string, string>;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: JsonSchemaProp & { properties?: Record<string, JsonSchemaProp>; required?: string[] };
  properties?: Record<string, JsonSchemaProp>;
  required?: string[];
}

export interface Procedure {
  id: string;
  code: string;
  version: number;
  name: Localized;
  field: Localized;
  level: 'commune' | 'province';
  fee: number;
  feeOnline: number;
  deadline: { workingDays: number | null; calendarDays?: number; kind?: string };
  /** The online and postal channels' own deadlines, where they differ from the counter's (docs/calendar.md). */
  deadlines?: { online?: Procedure['deadline']; post?: Procedure['deadline'] } | null;
  /** How the fee follows the form (domain/fees.ts); null: the fixed fee. */
  feeRule: FeeRule | null;
  /** Days added in communes with especially difficult conditions (docs/calendar.md). */
  difficultCommuneExtraDays?: number;
  /** GET /api/procedures/:code only: the versions, newest first. */
  history?: { version: number; publishedAt: string; publishedBy: string | null; changes: Record<string, unknown> | null; note: string | null }[];
  handoff: { departmentCode: string; shareWorkingDays: number | null } | null;
  stages: { name: string }[];
  requiredDocuments: Localized[];
  fullProcessOnline: boolean;
  formSchema: { properties: Record<string, JsonSchemaProp>; required?: string[] };
  formLabels: Record<string, Localized>;
  example: Record<string, unknown>;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: 'province' | 'department' | 'commune';
  parentCode: string | null;
}

/** One version of Lào Cai's profile of a procedure (GET/POST /api/procedures/:code/profile). */
export interface ProfileVersion {
  code: string;
  version: number;
  level: 'commune' | 'province';
  departmentCode: string | null;
  onlineLevel: 'full' | 'partial' | 'counter';
  portalIntegrated: boolean;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  note: string | null;
  changedBy: string | null;
  changedAt: string | null;
}
export interface ProcedureProfile extends ProfileVersion {
  history: ProfileVersion[];
  departments: { code: string; name: string }[];
}
/** The answer of a correction or its dry run: the new version, and the rules version it publishes (null: none). */
export type ProfileSaved = ProfileVersion & { rules: { version: number; level: string; handoff?: { departmentCode: string } } | null; dryRun?: boolean };
