import { feeFor, type Channel, type FeeRule, type FeeTier, type ProcedureRules } from './procedure-rules';

/**
 * The fee of one dossier, from its procedure's rules, its channel and its form: computed once at
 * submission and kept in the dossier's state (docs/procedures.md). Pure and free of zod, so the
 * portal and the counter form show the very amount the API will ask for before anyone submits.
 *
 * - No `feeRule`: the channel's fixed fee (`feeFor`).
 * - An exemption matched by the form: 0.
 * - `perUnit`: the units in `field` priced tier by tier, capped per item, times `timesField`.
 *
 * A form field the rule reads that is missing or not a whole number counts as 0 units (1 for
 * `timesField`): the API validates the form against the procedure's schema before this runs.
 */
export function feeOf(rules: Pick<ProcedureRules, 'fee' | 'feeRule'>, channel: Channel, form: Record<string, unknown>): number {
  const rule = rules.feeRule;
  if (!rule) return feeFor(rules as ProcedureRules, channel);
  if (isExempt(rule, form)) return 0;
  if (!rule.perUnit) return feeFor(rules as ProcedureRules, channel);
  const { field, tiers, capPerItem, timesField } = rule.perUnit;
  const perItem = tiered(count(form[field], 0), tiers);
  const capped = capPerItem === undefined ? perItem : Math.min(perItem, capPerItem);
  return capped * (timesField ? count(form[timesField], 1) : 1);
}

/** Whether the form names one of the rule's exemptions. */
export function isExempt(rule: FeeRule, form: Record<string, unknown>): boolean {
  const e = rule.exemptions;
  if (!e) return false;
  const v = form[e.field];
  return (typeof v === 'string' || typeof v === 'boolean') && e.values.includes(v);
}

/** `units` priced by tiers: each tier's price for the units up to its `upTo` (inclusive), the last open-ended. */
export function tiered(units: number, tiers: FeeTier[]): number {
  let total = 0;
  let done = 0;
  for (const t of tiers) {
    const top = t.upTo === null ? units : Math.min(units, t.upTo);
    if (top > done) {
      total += (top - done) * t.vnd;
      done = top;
    }
    if (done >= units) break;
  }
  return total;
}

const count = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fallback);
