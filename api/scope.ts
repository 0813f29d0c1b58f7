import { rulesToCondition } from '@casl/ability/extra';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../domain/ability';
import { dossiers } from '../db/schema';

/** Dossier fields that CASL conditions may name, and their columns. */
const COLUMNS = {
  agencyCode: dossiers.agencyCode,
  receivingAgencyCode: dossiers.receivingAgencyCode,
  applicantUserId: dossiers.applicantUserId,
} as const;

function conditionToSql(cond: Record<string, unknown>): SQL {
  const parts: SQL[] = [];
  for (const [field, value] of Object.entries(cond)) {
    // Lists stay on the indexed columns: a dossier an agency handled and passed on is opened from
    // its page or a link, not listed (the shares live in the jsonb state). Narrower is safe here.
    if (field === 'handledBy') return sql`false`;
    const col = COLUMNS[field as keyof typeof COLUMNS];
    if (!col) throw new Error(`no SQL mapping for dossier condition on '${field}'`);
    if (value && typeof value === 'object' && '$in' in value) {
      const list = (value as { $in: string[] }).$in;
      parts.push(list.length ? inArray(col, list) : sql`false`);
    } else {
      parts.push(eq(col, value as string));
    }
  }
  return parts.length ? and(...parts)! : sql`true`;
}

/**
 * The caller's rules as a SQL condition on `dossiers`, so a list can only ever contain rows the
 * caller may open. `null` means no rule grants anything (the list is empty).
 */
export function dossierScope(ability: AppAbility, action: 'read' | 'act' | 'triage' = 'read'): SQL | null {
  return rulesToCondition(
    ability.rulesFor(action, 'Dossier'),
    (rule): SQL => {
      const cond = rule.conditions ? conditionToSql(rule.conditions as Record<string, unknown>) : sql`true`;
      return rule.inverted ? sql`not (${cond})` : cond;
    },
    { and: (c) => and(...c)!, or: (c) => or(...c)!, empty: () => sql`true` },
  );
}
