import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Role } from './roles';

/**
 * `Outbox`: the outgoing messages of dossiers; `Notification`: the reminders and escalations an
 * agency's officers receive; `IntegrationStats`: the national-portal integration rate;
 * `Metrics`: the Prometheus exposition (read by a scraper, see defineScraperAbility); `Applicant`:
 * a returning applicant's details, looked up at the counter; `Consent`: a citizen's consent to
 * assisted filing (an SMS code sent and checked, a consent form printed); `Attachment`: an upload
 * (a dossier's scans, a site inspection's minutes, a consulted agency's letter); `StoredDocument`:
 * a document of a citizen's own store, "kho dữ liệu" (api/citizen-store.ts) — its owner's alone;
 * officers see it only once attached to a dossier they read, as that dossier's attachment.
 */
export type Subject = 'Attachment' | 'Dossier' | 'Agency' | 'User' | 'Holiday' | 'Procedure' | 'Stats' | 'Applicant' | 'Outbox' | 'Notification' | 'IntegrationStats' | 'Metrics' | 'Consent' | 'StoredDocument' | 'all';
/**
 * `triage`: see a dossier in the stuck list; `repair`: retry or close its set-aside change
 * (docs/operations.md); `retry`: send an outgoing message again.
 */
export type AbilityAction = 'read' | 'create' | 'update' | 'delete' | 'act' | 'manage' | 'triage' | 'repair' | 'retry';
export type AppAbility = MongoAbility<[AbilityAction, Subject | Record<string, unknown>]>;

/** What the rules need to know about the signed-in user. */
export interface AbilityUser {
  id: string;
  role: Role;
  agencyCode: string | null;
  /** The user's agency and every agency below it in the tree (supervisors read all of it). */
  subtree: string[];
}

/**
 * Fields that only roles handling the file may see (personal data). `form.personal` stands for
 * the form fields a procedure tags personal (domain/personal-data.ts); `attachments.content`
 * for the uploaded scans themselves, which are nothing but personal data.
 */
export const PERSONAL_FIELDS = ['applicant.idNumber', 'applicant.phone', 'applicant.email', 'applicant.address', 'form.personal', 'attachments.content'] as const;

/**
 * The roles, read like the requirement. The same rules authorize API routes,
 * become SQL conditions for lists (api/scope), and hide buttons in the back office.
 */
export function defineAbilityFor(user: AbilityUser): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const own = user.agencyCode ? [user.agencyCode] : [];
  switch (user.role) {
    case 'citizen':
      can('create', 'Dossier');
      can('create', 'Attachment');
      can('read', 'Dossier', { applicantUserId: user.id });
      can('act', 'Dossier', { applicantUserId: user.id });
      can('read', 'StoredDocument', { ownerId: user.id });
      break;
    case 'desk-officer':
    case 'specialist':
    case 'leader':
      if (user.role === 'desk-officer') {
        // At the counter of their own agency; and they look applicants up there.
        can('create', 'Dossier', { agencyCode: { $in: own } });
        if (user.agencyCode) can('read', 'Applicant');
      }
      // The desk uploads a counter dossier's scans; the others the documents their steps produce
      // (a site inspection's minutes, a consulted agency's letter).
      if (user.agencyCode) can('create', 'Attachment');
      can('read', 'Dossier', { agencyCode: { $in: own } });
      can('read', 'Dossier', { receivingAgencyCode: { $in: own } });
      // An agency keeps reading what it handled (the dossier's shares): a department that
      // returned a dossier still opens it, it just cannot act on it any more.
      can('read', 'Dossier', { handledBy: { $in: own } });
      can('act', 'Dossier', { agencyCode: { $in: own } });
      // An agency asked for its opinion (the consult stage) reads the file, and answers while its
      // answer is awaited; the lifecycle rules allow it nothing but the answer (record-opinion).
      can('read', 'Dossier', { consultedBy: { $in: own } });
      can('act', 'Dossier', { askedNow: { $in: own } });
      // Walk-ins (the kinds' `onBehalf`, docs/forms.md): the receiving desk records an applicant's withdrawal
      // or rating wherever the file is; the lifecycle rules allow it nothing else there.
      if (user.role === 'desk-officer') can('act', 'Dossier', { receivingAgencyCode: { $in: own } });
      can('read', ['Agency', 'Holiday']);
      // The people of their agency (to assign work).
      can('read', 'User', { agencyCode: { $in: own } });
      // Reminders and escalations addressed to their agency (an officer without one gets none).
      if (user.agencyCode) can('read', 'Notification', { agencyCode: { $in: own } });
      break;
    case 'supervisor':
      can('read', 'Dossier', { agencyCode: { $in: user.subtree } });
      can('read', 'Dossier', { receivingAgencyCode: { $in: user.subtree } });
      cannot('read', 'Dossier', [...PERSONAL_FIELDS]);
      can('read', ['Agency', 'Holiday', 'Stats']);
      can('read', 'User', { agencyCode: { $in: user.subtree } });
      can('triage', 'Dossier', { agencyCode: { $in: user.subtree } });
      // The messages and integration figures of the dossiers they read, and their subtree's notices.
      for (const subject of ['Outbox', 'IntegrationStats'] as const) {
        can('read', subject, { agencyCode: { $in: user.subtree } });
        can('read', subject, { receivingAgencyCode: { $in: user.subtree } });
      }
      if (user.agencyCode) can('read', 'Notification', { agencyCode: { $in: user.subtree } });
      break;
    case 'helper':
      // A community volunteer files for citizens at their own commune's desk (with the citizen's
      // consent, docs/assisted-filing.md), then reads only the dossiers they helped file: never
      // another's, and they take no officer action on any.
      can('create', 'Dossier', { agencyCode: { $in: own } });
      can('read', 'Dossier', { helperUserId: user.id });
      can('create', 'Consent');
      // The signed consent form, scanned or photographed.
      can('create', 'Attachment');
      can('read', 'Agency');
      break;
    case 'admin':
      // Reference data and users only: no dossier, nor statistics over them.
      // Procedures: publishing a new version of a procedure's rules.
      can('manage', ['Agency', 'User', 'Holiday', 'Procedure']);
      // Stuck dossiers in their subtree: the list (code, status, why), never the file's contents.
      can('triage', 'Dossier', { agencyCode: { $in: user.subtree } });
      can('repair', 'Dossier', { agencyCode: { $in: user.subtree } });
      // Every outgoing message (dead letters included), and sending one again.
      can(['read', 'retry'], 'Outbox');
      break;
  }
  can('read', 'Procedure');
  return build();
}

/**
 * Who reads the metrics: no signed-in user, a scraper. With METRICS_TOKEN set, only one that
 * presents it as a bearer token; without, anyone who reaches the port (keep it internal).
 */
export function defineScraperAbility(opts: { tokenRequired: boolean; tokenPresented: boolean }): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!opts.tokenRequired || opts.tokenPresented) can('read', 'Metrics');
  return build();
}
