/** Amounts, deadlines and dates in the portal's current language (words in i18n/). */
import { RESULT_KINDS, type ResultKind } from '../../domain/procedure-rules';
import type { Status } from '../../domain/status';
import { num, t } from './i18n';

/** What the status means, for a citizen; the code itself for a status the portal has no words for. */
const STATUSES = ['SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'NEEDS_SUPPLEMENT', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'RESULT_READY', 'DELIVERED', 'NOT_ACCEPTED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'] as const satisfies readonly Status[];
export const statusText = (s: string) => ((STATUSES as readonly string[]).includes(s) ? t(`status.${s as (typeof STATUSES)[number]}`) : s);

const DOCUMENTS = ['receipt', 'supplement', 'refusal', 'rejection', 'apology', 'result'] as const;
/** A dossier document's name; the kind itself when the portal has no words for it. */
export const documentText = (kind: string) => ((DOCUMENTS as readonly string[]).includes(kind) ? t(`doc.${kind as (typeof DOCUMENTS)[number]}`) : kind);

/** «1.000 đồng» in Vietnamese, «VND 1,000» in English; free is said so. */
export const money = (vnd: number) => (vnd === 0 ? t('money.free') : t('money.amount', { amount: num(vnd) }));

/** dd/mm/yyyy (and HH:mm) in Vietnam's time, whatever the phone's locale or zone, in every language. */
export function day(iso: string | null | undefined, withTime = false) {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  return withTime ? `${parts.hour}:${parts.minute} ${date}` : date;
}

export const levelText = (level: 'commune' | 'province') => t(level === 'commune' ? 'level.commune' : 'level.province');

/** A procedure's processing time in words; "không quy định" when the procedure states none. */
export function deadlineText(d: { workingDays: number | null; calendarDays?: number; kind?: string }): string {
  if (d.kind === 'same-day') return t('deadline.sameDay');
  if (d.workingDays !== null) return t('deadline.workingDays', { n: num(d.workingDays) });
  if (d.calendarDays !== undefined) return t('deadline.calendarDays', { n: d.calendarDays });
  return t('deadline.none');
}

/**
 * How the result reaches the citizen, by its kind (domain/procedure-rules.ts `ResultKind`): only an
 * electronic result may be received online; a paper original and the marriage certificate are
 * handed over at the desk.
 */
export const resultText = (kind: string | undefined) => t(`result.${(RESULT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ResultKind) : 'electronic'}`);

/** The result kind a procedure's stage list declares (rules without one: electronic). */
export const resultKindOf = (stages: { name: string; result?: string }[]): string => stages.find((s) => s.name === 'deliver')?.result ?? 'electronic';
