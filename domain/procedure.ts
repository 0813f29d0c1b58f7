import { z } from 'zod';
import { CHANNELS, type Deadline, type Label, type ProcedureRules, type ResultKind, type Stage } from './procedure-rules';

export * from './procedure-rules';

/** A procedure as its code declares it: its rules, plus what people see and fill in. */
export interface ProcedureDefinition<F extends z.ZodObject = z.ZodObject> extends ProcedureRules {
  name: Label;
  field: Label;
  fullProcessOnline: boolean;
  portalIntegrated: boolean;
  form: F;
  /** Labels of the form's fields, to render it and its errors. */
  formLabels: Record<keyof z.infer<F> & string, Label>;
  example: z.infer<F>;
  requiredDocuments: Label[];
  /** Plain words citizens use for it (search synonyms). */
  keywords: string[];
  /** Where its code, deadline and fee were taken from. */
  source: string;
}

export function defineProcedure<F extends z.ZodObject>(def: ProcedureDefinition<F>): ProcedureDefinition<F> {
  const names = def.stages.map((s) => s.name);
  if (names[0] !== 'receive' || names[names.length - 1] !== 'deliver') {
    throw new Error(`procedure ${def.code}: stages must start with receive and end with deliver`);
  }
  if (new Set(names).size !== names.length) throw new Error(`procedure ${def.code}: a stage appears twice`);
  if (def.level === 'province' && !def.handoff) throw new Error(`procedure ${def.code}: province level needs a handoff`);
  const hasFee = def.fee.counter > 0 || (def.fee.online ?? 0) > 0;
  if (hasFee !== names.includes('pay')) throw new Error(`procedure ${def.code}: a fee needs a pay stage and vice versa`);
  return def;
}

export const channelSchema = z.enum(CHANNELS);

/**
 * A deadline of N working days counted as the law counts them (`working-days`: 17:00 of the N-th
 * working day after the day of reception; domain/calendar/deadline.ts), as procedure files state it.
 */
export const inWorkingDays = (n: number): Deadline => ({ workingDays: n, kind: 'working-days' });

/** Stage builders: the vocabulary a procedure file composes (defaults from practice). */
export const receive = (): Stage => ({ name: 'receive' });
export const review = (o: { supplementLimitDays?: number } = {}): Stage => ({
  name: 'review',
  supplementLimitDays: o.supplementLimitDays ?? 15,
});
export const verify = (o: { maxExtraDays: number; unit?: 'working-days' | 'calendar-days' }): Stage => ({
  name: 'verify',
  maxExtraDays: o.maxExtraDays,
  unit: o.unit ?? 'working-days',
});
export const post = (o: { days: number; clock: 'runs' | 'paused' }): Stage => ({ name: 'post', days: o.days, clock: o.clock });
export const tax = (o: { unpaidReminderDays?: number } = {}): Stage => ({ name: 'tax', unpaidReminderDays: o.unpaidReminderDays ?? 30 });
export const pay = (o: { limitDays?: number } = {}): Stage => ({ name: 'pay', limitDays: o.limitDays ?? 5 });
export const inspect = (): Stage => ({ name: 'inspect' });
export const consult = (o: { shareWorkingDays: number; silence?: 'agrees' | 'no-answer' }): Stage => ({
  name: 'consult',
  shareWorkingDays: o.shareWorkingDays,
  silence: o.silence ?? 'no-answer',
});
export const approve = (): Stage => ({ name: 'approve' });
export const deliver = (o: { ratingWindowDays?: number; result?: ResultKind } = {}): Stage => ({
  name: 'deliver',
  ratingWindowDays: o.ratingWindowDays ?? 30,
  ...(o.result ? { result: o.result } : {}),
});
