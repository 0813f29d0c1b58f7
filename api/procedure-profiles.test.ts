import { describe, expect, it } from 'vitest';
import { rulesOf, type ProcedureDefinition } from '../domain/procedure';
import { landCertificateReissue } from '../procedures/coded/land-certificate-reissue';
import { permanentResidence } from '../procedures/coded/permanent-residence';
import { rulesWithProfile } from './procedure-profiles';

describe('the rules a corrected profile implies', () => {
  it('keeps a hand-off route when the deciding department changes (its department hops follow)', () => {
    const rules = rulesOf(landCertificateReissue as unknown as ProcedureDefinition);
    const next = rulesWithProfile(rules, { level: 'province', departmentCode: 'H38.STP' } as Parameters<typeof rulesWithProfile>[1]);
    expect(next.handoff).toEqual({ departmentCode: 'H38.STP', shareWorkingDays: 19, route: rules.handoff!.route });
  });

  it('keeps the commune police as decider at commune level, and drops it when a department decides', () => {
    const rules = rulesOf(permanentResidence as unknown as ProcedureDefinition);
    expect(rules.decidedBy).toBe('commune-police');
    const profile = (level: 'commune' | 'province', departmentCode: string | null) => ({ level, departmentCode }) as Parameters<typeof rulesWithProfile>[1];
    expect(rulesWithProfile(rules, profile('commune', null))).toBe(rules);
    const provincial = rulesWithProfile(rules, profile('province', 'H38.SNV'));
    expect(provincial).toMatchObject({ level: 'province', handoff: { departmentCode: 'H38.SNV' } });
    expect('decidedBy' in provincial).toBe(false);
  });
});
