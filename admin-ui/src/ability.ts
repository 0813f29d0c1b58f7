import { createMongoAbility, subject, type MongoAbility } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export type Subject = 'Dossier' | 'Agency' | 'User' | 'Holiday' | 'Procedure' | 'Stats' | 'Applicant' | 'Outbox' | 'Notification' | 'IntegrationStats' | 'Metrics' | 'Consent' | 'all';
export type AbilityAction = 'read' | 'create' | 'update' | 'delete' | 'act' | 'manage' | 'triage' | 'repair' | 'retry';
export type AppAbility = MongoAbility<[AbilityAction, Subject | Record<string, unknown>]>;

/**
 * One ability for the whole app, fed with the rules the API packed at login (the very rules
 * of domain/ability.ts that authorize the API), so menus and buttons match what the API allows.
 */
export const ability: AppAbility = createMongoAbility();

export function loadRules(packed: PackRule<never>[] | undefined) {
  ability.update(packed ? (unpackRules(packed as never) as never) : []);
}


/** react-admin resources and the CASL subject each one is. */
const SUBJECTS: Record<string, Subject> = {
  dossiers: 'Dossier',
  agencies: 'Agency',
  users: 'User',
  holidays: 'Holiday',
  // Calendar reference data, with the holidays' rights (api/routes/commune-categories.routes.ts).
  'commune-categories': 'Holiday',
  procedures: 'Procedure',
  stats: 'Stats',
  'stuck-dossiers': 'Dossier',
};
/** Resources whose reading is another CASL action than `read` (the stuck list is `triage`). */
const READ_AS: Record<string, AbilityAction> = { 'stuck-dossiers': 'triage' };
const ACTIONS: Record<string, AbilityAction> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  delete: 'delete',
  act: 'act',
};

/** authProvider.canAccess: react-admin's (action, resource, record) → a CASL question. */
export function canAccess({ action, resource, record }: { action: string; resource: string; record?: Record<string, unknown> }) {
  const name = SUBJECTS[resource];
  const mapped = ACTIONS[action] ?? (action as AbilityAction);
  const verb = mapped === 'read' ? (READ_AS[resource] ?? mapped) : mapped;
  if (!name) return false;
  return record ? ability.can(verb, subject(name, { ...record })) : ability.can(verb, name);
}
