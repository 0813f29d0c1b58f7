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
export type Audience = 'citizen' | 'organisation';

/** `months` is not in the first list of units but the portal states it (12 rows), so it is kept rather than lost. */
export const DEADLINE_UNITS = ['working-days', 'days', 'hours', 'working-hours', 'months', 'same-day'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/**
 * The time the portal states for a channel. A bare number without a unit keeps its amount with
 * `unit: null`. Otherwise `amount: null` with a marker: `not-stated` ("Không có thông tin" or no
 * time), `varies` (several rows for the channel: steps or cases), `unparsed` (the time is glued to
 * a sum of money, "120 VNĐ", and cannot be split safely). Nothing is ever guessed.
 */
export type Deadline =
  | { amount: number; unit: DeadlineUnit }
  | { amount: number; unit: null; marker: 'unit-not-stated' }
  | { amount: null; unit: null; marker: 'not-stated' | 'varies' | 'unparsed' };

/**
 * The fee for a channel. `council`: set by the provincial People's Council (varies by province).
 * `not-stated`: the portal says "Không có thông tin". `unparsed`: stated, but not as one of the
 * other kinds (several tiers, a foreign currency, a contradiction); the raw text stays out of the file.
 */
export type Fee =
  | { kind: 'free' }
  | { kind: 'amount'; vnd: number }
  | { kind: 'per-unit'; vnd: number; unit: string }
  | { kind: 'council' }
  | { kind: 'not-stated' }
  | { kind: 'unparsed' };

export type ChannelTerms = { deadline: Deadline; fee: Fee };

export type RequiredDocument = {
  name: string;
  /** Number of originals ("bản chính") and copies ("bản sao") the table states. */
  originals: number;
  copies: number;
  /** The table links a form (a .doc/.docx/.pdf/.xls file) for this document. */
  hasForm: boolean;
};

export type Result = { name: string; code: string | null };

export type Provenance = { repo: string; commit: string; file: string };

export type Procedure = {
  code: string;
  name: string;
  levels: Level[];
  field: string;
  competentAgency: string | null;
  implementingAgency: string | null;
  subjects: SubjectKind[];
  audience: Audience[];
  channels: Partial<Record<Channel, ChannelTerms>>;
  documents: RequiredDocument[];
  results: Result[];
  legalBases: string[];
  source: Provenance;
};

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
