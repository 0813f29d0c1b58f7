import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Role } from './roles';

export type Subject = 'Dossier' | 'Agency' | 'User' | 'Holiday' | 'Procedure' | 'Stats' | 'all';
/** `triage`: see a dossier in the stuck list; `repair`: retry or close its set-aside change (docs/operations.md). */
export type AbilityAction = 'read' | 'create' | 'update' | 'delete' | 'act' | 'manage' | 'triage' | 'repair';
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
      can('read', 'Dossier', { applicantUserId: user.id });
      can('act', 'Dossier', { applicantUserId: user.id });
      break;
    case 'desk-officer':
    case 'specialist':
    case 'leader':
      if (user.role === 'desk-officer') can('create', 'Dossier');
      can('read', 'Dossier', { agencyCode: { $in: own } });
      can('read', 'Dossier', { receivingAgencyCode: { $in: own } });
      // An agency keeps reading what it handled (the dossier's shares): a department that
      // returned a dossier still opens it, it just cannot act on it any more.
      can('read', 'Dossier', { handledBy: { $in: own } });
      can('act', 'Dossier', { agencyCode: { $in: own } });
      // Walk-ins (domain/lifecycle/walk-in.ts): the receiving desk records an applicant's withdrawal
      // or rating wherever the file is; the lifecycle rules allow it nothing else there.
      if (user.role === 'desk-officer') can('act', 'Dossier', { receivingAgencyCode: { $in: own } });
      can('read', ['Agency', 'Holiday', 'User']);
      break;
    case 'supervisor':
      can('read', 'Dossier', { agencyCode: { $in: user.subtree } });
      can('read', 'Dossier', { receivingAgencyCode: { $in: user.subtree } });
      cannot('read', 'Dossier', [...PERSONAL_FIELDS]);
      can('read', ['Agency', 'Holiday', 'User', 'Stats']);
      can('triage', 'Dossier', { agencyCode: { $in: user.subtree } });
      break;
    case 'admin':
      // Reference data and users only: no dossier, nor statistics over them.
      // Procedures: publishing a new version of a procedure's rules.
      can('manage', ['Agency', 'User', 'Holiday', 'Procedure']);
      // Stuck dossiers in their subtree: the list (code, status, why), never the file's contents.
      can('triage', 'Dossier', { agencyCode: { $in: user.subtree } });
      can('repair', 'Dossier', { agencyCode: { $in: user.subtree } });
      break;
  }
  can('read', 'Procedure');
  return build();
}
