import type { AuditRow } from '../activities/audit/verify';

export interface TrailCheck {
  losses: string[];
  /** Accepted (200) actions with fewer events than answers. */
  actionsMissing: number;
  /** Legal repeats: the same action accepted twice on one dossier (two officers re-assigning). */
  actionsRepeated: number;
  /** Events beyond the accepted answers: requests that failed or timed out during a fault but were applied. */
  actionsUnacknowledged: number;
  paymentEvents: number;
  paymentsStored: number;
  paymentsMissing: number;
  paymentsUnapplied: number;
  paymentsDoubled: number;
}

/**
 * Compares what the chaos load was told (accepted submissions, actions, confirmed payments) with
 * the audit trail and the payments table. Pure: the caller reads the rows.
 */
export function reconcileTrail(o: {
  submissions: string[];
  actions: { code: string; action: string }[];
  /** Dossier → the gateway's transaction id, for callbacks answered 2xx. */
  confirmedPayments: Map<string, string>;
  /** Transaction id → dossier, as stored. */
  storedPayments: Map<string, string>;
  events: AuditRow[];
}): TrailCheck {
  const losses: string[] = [];
  const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const byCodeType = new Map<string, number>();
  for (const e of o.events) count(byCodeType, `${e.dossierCode} ${e.type}`);

  // Compare counts per (dossier, action): as many events as accepted answers. Fewer is a loss;
  // more is an unanswered request that was applied (officers re-read the status, never retry blindly).
  const answered = new Map<string, number>();
  for (const a of o.actions) count(answered, `${a.code} ${a.action}`);
  let actionsMissing = 0;
  let actionsRepeated = 0;
  for (const [k, times] of answered) {
    actionsMissing += Math.max(0, times - (byCodeType.get(k) ?? 0));
    actionsRepeated += times - 1;
  }
  if (actionsMissing) losses.push(`${actionsMissing} accepted actions missing from dossier_events`);

  const submitsNotOnce = o.submissions.filter((c) => (byCodeType.get(`${c} submit`) ?? 0) !== 1).length;
  if (submitsNotOnce) losses.push(`${submitsNotOnce} accepted submissions without exactly one submit event`);

  // Payments: each confirmed transaction stored once (its id is the key) and applied once.
  const paymentEvents = o.events.filter((e) => e.type === 'payment-received');
  const applied = new Map<string, number>();
  for (const e of paymentEvents) {
    const data = e.data as { transactionId?: string; ignored?: string };
    if (data.transactionId && !data.ignored) count(applied, data.transactionId);
  }
  let paymentsMissing = 0;
  let paymentsUnapplied = 0;
  for (const [code, tx] of o.confirmedPayments) {
    if (o.storedPayments.get(tx) !== code) paymentsMissing++;
    if (!applied.has(tx)) paymentsUnapplied++;
  }
  const paymentsDoubled = [...applied.values()].filter((n) => n > 1).length;
  if (paymentsMissing) losses.push(`${paymentsMissing} confirmed payments not stored`);
  if (paymentsUnapplied) losses.push(`${paymentsUnapplied} confirmed payments never applied to their dossier`);
  if (paymentsDoubled) losses.push(`${paymentsDoubled} payments applied more than once`);

  return {
    losses,
    actionsMissing,
    actionsRepeated,
    actionsUnacknowledged: o.events.length - o.submissions.length - o.actions.length - paymentEvents.length,
    paymentEvents: paymentEvents.length,
    paymentsStored: o.storedPayments.size,
    paymentsMissing,
    paymentsUnapplied,
    paymentsDoubled,
  };
}
