import { rulesToCondition } from '@casl/ability/extra';
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AbilityAction, AppAbility, Subject } from '../domain/ability';
import { dossierEvents, dossiers, users } from '../db/schema';

type Columns = Record<string, AnyColumn>;

/** Dossier fields that CASL conditions may name, and their columns. */
const COLUMNS = {
  agencyCode: dossiers.agencyCode,
  receivingAgencyCode: dossiers.receivingAgencyCode,
  applicantUserId: dossiers.applicantUserId,
  helperUserId: dossiers.helperUserId,
} as const;

/** The columns of the notices (reminder and escalation events) `Notification` conditions name. */
const NOTICE_COLUMNS = { agencyCode: dossierEvents.agencyCode } as const;

function conditionToSql(cond: Record<string, unknown>, columns: Columns): SQL {
  const parts: SQL[] = [];
  for (const [field, value] of Object.entries(cond)) {
    // Lists stay on the indexed columns: a dossier an agency handled and passed on is opened from
    // its page or a link, not listed (the shares live in the jsonb state). Narrower is safe here.
    if (field === 'handledBy') return sql`false`;
    // An agency asked for its opinion finds the dossier in its lists (its asks live in the jsonb state).
    if (field === 'consultedBy' || field === 'askedNow') {
      const list = (value as { $in: string[] }).$in;
      const asked = list.map((code) => JSON.stringify([{ agencyCode: code, ...(field === 'askedNow' ? { answer: null } : {}) }]));
      return asked.length ? or(...asked.map((a) => sql`${dossiers.state} -> 'consultation' -> 'asks' @> ${a}::jsonb`))! : sql`false`;
    }
    const col = columns[field];
    if (!col) throw new Error(`no SQL mapping for condition on '${field}'`);
    if (value && typeof value === 'object' && '$in' in value) {
      const list = (value as { $in: string[] }).$in;
      parts.push(list.length ? inArray(col, list) : sql`false`);
    } else {
      parts.push(eq(col, value as string));
    }
  }
  return parts.length ? and(...parts)! : sql`true`;
}

/** The caller's rules for (action, subject) as a SQL condition on `columns`; `null`: no rule grants anything. */
function rulesToSql(ability: AppAbility, action: AbilityAction, subject: Subject, columns: Columns): SQL | null {
  return rulesToCondition(
    ability.rulesFor(action, subject),
    (rule): SQL => {
      const cond = rule.conditions ? conditionToSql(rule.conditions as Record<string, unknown>, columns) : sql`true`;
      return rule.inverted ? sql`not (${cond})` : cond;
    },
    { and: (c) => and(...c)!, or: (c) => or(...c)!, empty: () => sql`true` },
  );
}

/** Built once per ability (one per session row, api/middleware/auth.ts): a list reuses it. */
const dossierScopes = new WeakMap<AppAbility, Map<string, SQL | null>>();

/**
 * The caller's rules as a SQL condition on `dossiers`, so a list can only ever contain rows the
 * caller may open. `null` means no rule grants anything (the list is empty).
 */
export function dossierScope(ability: AppAbility, action: 'read' | 'act' | 'triage' = 'read'): SQL | null {
  let byAction = dossierScopes.get(ability);
  if (!byAction) dossierScopes.set(ability, (byAction = new Map()));
  if (!byAction.has(action)) byAction.set(action, rulesToSql(ability, action, 'Dossier', COLUMNS));
  return byAction.get(action)!;
}

/**
 * Rows that hang off a dossier (its outgoing messages, its integration figures) the caller may
 * read, as a condition on `dossiers`: `undefined` when a rule grants every row (no filter to
 * add), `null` when none does.
 */
export function dossierLinkedScope(ability: AppAbility, subject: 'Outbox' | 'IntegrationStats'): SQL | null | undefined {
  const rules = ability.rulesFor('read', subject);
  if (rules.some((r) => !r.inverted && !r.conditions)) return undefined;
  return rulesToSql(ability, 'read', subject, COLUMNS);
}

/** The reminder and escalation events the caller receives, as a condition on `dossier_events`; `null`: none. */
export function noticeScope(ability: AppAbility): SQL | null {
  return rulesToSql(ability, 'read', 'Notification', NOTICE_COLUMNS);
}

/** The users the caller may read, as a condition on `users`: `undefined` when every one. */
export function userScope(ability: AppAbility): SQL | undefined {
  const rules = ability.rulesFor('read', 'User');
  if (rules.some((r) => !r.inverted && !r.conditions)) return undefined;
  return rulesToSql(ability, 'read', 'User', { agencyCode: users.agencyCode }) ?? sql`false`;
}
