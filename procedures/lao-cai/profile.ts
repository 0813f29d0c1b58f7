import { readFileSync } from 'node:fs';
import { foldVietnamese } from '../../domain/text';
import type { ProcedureDefinition } from '../../domain/procedure';
import type { Procedure as CatalogueProcedure } from '../catalogue/types';

/**
 * Lào Cai's profile of a catalogue procedure: who decides it, how far it runs online and whether
 * its status is pushed to the National Public Service Portal. Defaults derived from the catalogue's
 * facts by the rules in docs/procedures.md; they are the province's to correct.
 */
export interface LaoCaiProfile {
  /** The commune People's Committee decides it, or a department after the commune's hand-off. */
  level: 'commune' | 'province';
  /** Deciding department for province-level procedures (H38.TTPVHCC: the province's public administration service centre). */
  departmentCode: string | null;
  onlineLevel: 'full' | 'partial' | 'counter';
  portalIntegrated: boolean;
}

interface DepartmentRules {
  rules: { department: string; words: string[] }[];
  fallback: string;
}
const byField = JSON.parse(readFileSync(new URL('./departments-by-field.json', import.meta.url), 'utf8')) as DepartmentRules;

export function departmentForField(field: string): string {
  const folded = foldVietnamese(field);
  return byField.rules.find((r) => r.words.some((w) => folded.includes(w)))?.department ?? byField.fallback;
}

/**
 * Online level: `full` when the page offers the online channel and its fee can be paid online
 * (free or a stated amount), `partial` when it offers the online channel otherwise, `counter` when
 * it does not. A procedure offered online is synced with the national portal (that is where its
 * online channel lives).
 */
export function profileOf(p: CatalogueProcedure): LaoCaiProfile {
  const level = p.levels.includes('commune') ? 'commune' : 'province';
  const online = p.channels.online;
  const payable = online !== undefined && (online.fee.kind === 'free' || online.fee.kind === 'amount');
  return {
    level,
    departmentCode: level === 'province' ? departmentForField(p.field) : null,
    onlineLevel: online === undefined ? 'counter' : payable ? 'full' : 'partial',
    portalIntegrated: online !== undefined,
  };
}

/**
 * The profile a definition carries (a coded procedure's own, or the catalogue default above):
 * version 1 of the province's profile, which the administrator then corrects in the back office.
 */
export function profileOfDefinition(p: Pick<ProcedureDefinition, 'level' | 'handoff' | 'fullProcessOnline' | 'portalIntegrated'>): LaoCaiProfile {
  return {
    level: p.level,
    departmentCode: p.handoff?.departmentCode ?? null,
    onlineLevel: p.fullProcessOnline ? 'full' : p.portalIntegrated ? 'partial' : 'counter',
    portalIntegrated: p.portalIntegrated,
  };
}
