import { z } from 'zod';
import { approve, deliver, pay, receive, review, type Deadline, type ProcedureDefinition, type ProcedureRules, type Stage } from '../domain/procedure';
import type { ChannelTerms, Procedure as CatalogueProcedure } from './catalogue/types';
import { profileOf } from './lao-cai/profile';

/**
 * A catalogue procedure as it stands, with no code of its own: a generic declaration form, one
 * upload slot per required document (the attachments' `requirement`), and the generic stages —
 * receive → review (with the once-only supplement) → pay when a fee is stated → approve →
 * deliver — with the catalogue's deadline. How each catalogue fact becomes a rule is in
 * docs/procedures.md; nothing is invented where the page states nothing.
 */
export const genericForm = z.object({
  requestText: z.string().trim().min(10, 'Nội dung đề nghị quá ngắn (ít nhất 10 ký tự)').max(2000, 'Nội dung đề nghị quá dài'),
  subjectName: z.string().trim().min(2, 'Tên quá ngắn').max(200, 'Tên quá dài').optional(),
});

const FORM_LABELS = {
  requestText: { vi: 'Nội dung đề nghị giải quyết', en: 'What you request' },
  subjectName: { vi: 'Tổ chức, cá nhân được đề nghị (nếu không phải người nộp)', en: 'Person or organisation concerned, if not the applicant' },
};

/** The channel whose terms set the rules: the counter's, else online, else post. */
const termsOf = (p: CatalogueProcedure): ChannelTerms | undefined => p.channels.counter ?? p.channels.online ?? p.channels.post;

/**
 * The catalogue's time as a rule, counted as the law counts it: working days as stated (a
 * fraction of a day as working hours); hours as working hours; calendar days as calendar days;
 * anything else — no unit, months, several times, none — as no stated deadline.
 */
export function deadlineOf(terms: ChannelTerms | undefined): Deadline {
  const d = terms?.deadline;
  if (!d || d.amount === null || d.unit === null) return { workingDays: null };
  switch (d.unit) {
    case 'working-days':
      return Number.isInteger(d.amount) ? { workingDays: d.amount, kind: 'working-days' } : { workingDays: d.amount, kind: 'working-hours' };
    case 'hours':
    case 'working-hours':
      return { workingDays: d.amount / 8, kind: 'working-hours' };
    case 'same-day':
      return { workingDays: null, kind: 'same-day' };
    case 'days':
      return Number.isInteger(d.amount) ? { workingDays: null, calendarDays: d.amount, kind: 'calendar-days' } : { workingDays: null };
    case 'months':
      return { workingDays: null };
  }
}

/** Whether a deadline states a time at all (a `null` one falls back to the counter's). */
const states = (d: Deadline) => d.workingDays !== null || d.calendarDays !== undefined || d.kind === 'same-day';

/**
 * The online and postal channels' own deadlines where the catalogue states one that differs from
 * the counter's (1.013978: 27 working days at the counter, 17 online, 20 by post); a channel that
 * states none, or the same, runs on the counter's (domain/deadline-choice.ts).
 */
export function channelDeadlinesOf(p: CatalogueProcedure, counter: Deadline): ProcedureRules['deadlines'] {
  const out: NonNullable<ProcedureRules['deadlines']> = {};
  for (const channel of ['online', 'post'] as const) {
    const own = p.channels[channel] ? deadlineOf(p.channels[channel]) : null;
    if (own && states(own) && JSON.stringify(own) !== JSON.stringify(counter)) out[channel] = own;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A stated amount in VND is charged; a per-unit, council-set or unstated fee is shown, not charged (docs/procedures.md). */
const feeOf = (terms: ChannelTerms | undefined): number => (terms?.fee.kind === 'amount' ? terms.fee.vnd : 0);

/** The department's share of a hand-off: the commune keeps one working day to receive and hand over (half of a shorter time). */
export const departmentShare = (total: number | null): number | null => (total === null ? null : total > 1 ? total - 1 : total / 2);

export function genericDefinition(p: CatalogueProcedure): ProcedureDefinition<typeof genericForm> {
  const profile = profileOf(p);
  const terms = termsOf(p);
  const deadline = deadlineOf(terms);
  const deadlines = channelDeadlinesOf(p, deadline);
  const fee = { counter: feeOf(p.channels.counter ?? terms), online: feeOf(p.channels.online ?? terms) };
  const stages: Stage[] = [receive(), review(), ...(fee.counter > 0 || fee.online > 0 ? [pay()] : []), approve(), deliver()];
  const label = (vi: string) => ({ vi, en: vi });
  const total = deadline.workingDays;
  return {
    code: p.code,
    // Version 2 where the catalogue's per-channel deadlines differ: version 1 ran every channel on one deadline.
    version: deadlines ? 2 : 1,
    name: label(p.name),
    field: label(p.field),
    level: profile.level,
    fee,
    deadline,
    ...(deadlines ? { deadlines } : {}),
    ...(profile.departmentCode
      ? { handoff: { departmentCode: profile.departmentCode, shareWorkingDays: departmentShare(total) } }
      : {}),
    fullProcessOnline: profile.onlineLevel === 'full',
    portalIntegrated: profile.portalIntegrated,
    form: genericForm,
    formLabels: FORM_LABELS,
    example: { requestText: `Đề nghị giải quyết thủ tục: ${p.name}`.slice(0, 2000) },
    requiredDocuments: p.documents.map((d) => label(d.name)),
    stages,
    keywords: [p.field],
    source: `national catalogue ${p.code} (${p.source.repo} @${p.source.commit.slice(0, 8)}, ${p.source.file})`,
  };
}
