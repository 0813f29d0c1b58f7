import { z } from 'zod';

/** A localized label. Vietnamese is the default language of every screen. */
export type Label = { vi: string; en: string };

/**
 * The stage blocks a procedure is composed of, in order. `receive` and `deliver` are always
 * present; `review`, `pay` and `approve` are optional, and `pay` may stand before `review`
 * (the fee is collected before the file is examined).
 */
export type StageName = 'receive' | 'review' | 'pay' | 'approve' | 'deliver';
export type Stage =
  | { name: 'receive' }
  | { name: 'review'; supplementLimitDays: number }
  | { name: 'pay'; limitDays: number }
  | { name: 'approve' }
  | { name: 'deliver'; ratingWindowDays: number };

/** Who decides: a commune-level unit, or a province department after a commune hand-off. */
export type Level = 'commune' | 'province';

export interface ProcedureDefinition<F extends z.ZodObject = z.ZodObject> {
  /** National catalogue code (Cơ sở dữ liệu quốc gia về TTHC). */
  code: string;
  /** Bumped when a change would alter the behaviour of dossiers in flight. */
  version: number;
  name: Label;
  field: Label;
  level: Level;
  /** Fee in VND at the counter, and online where the rate differs. */
  fee: { counter: number; online?: number };
  deadline: { workingDays: number };
  /** For province-level procedures: the deciding department and its share of the deadline. */
  handoff?: { departmentCode: string; shareWorkingDays: number };
  fullProcessOnline: boolean;
  portalIntegrated: boolean;
  form: F;
  /** Labels of the form's fields, to render it and its errors. */
  formLabels: Record<keyof z.infer<F> & string, Label>;
  example: z.infer<F>;
  requiredDocuments: Label[];
  stages: Stage[];
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

export const stageOf = <N extends StageName>(p: ProcedureDefinition, name: N) =>
  p.stages.find((s): s is Extract<Stage, { name: N }> => s.name === name);

export const payBeforeReview = (p: ProcedureDefinition) => {
  const names = p.stages.map((s) => s.name);
  return names.includes('pay') && names.includes('review') && names.indexOf('pay') < names.indexOf('review');
};

export const feeFor = (p: ProcedureDefinition, channel: Channel) =>
  channel === 'online' ? (p.fee.online ?? p.fee.counter) : p.fee.counter;

export const CHANNELS = ['online', 'counter', 'kiosk'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** Stage builders: the vocabulary a procedure file composes (defaults from practice). */
export const receive = (): Stage => ({ name: 'receive' });
export const review = (o: { supplementLimitDays?: number } = {}): Stage => ({
  name: 'review',
  supplementLimitDays: o.supplementLimitDays ?? 15,
});
export const pay = (o: { limitDays?: number } = {}): Stage => ({ name: 'pay', limitDays: o.limitDays ?? 5 });
export const approve = (): Stage => ({ name: 'approve' });
export const deliver = (o: { ratingWindowDays?: number } = {}): Stage => ({
  name: 'deliver',
  ratingWindowDays: o.ratingWindowDays ?? 30,
});
