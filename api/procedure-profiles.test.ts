import { describe, expect, it } from 'vitest';
import { rulesOf, type ProcedureDefinition } from '../domain/procedure';
import { landCertificateReissue } from '../procedures/coded/land-certificate-reissue';
import { rulesWithProfile } from './procedure-profiles';

describe('the rules a corrected profile implies', () => {
  it('keeps a hand-off route when the deciding department changes (its department hops follow)', () => {
    const rules = rulesOf(landCertificateReissue as unknown as ProcedureDefinition);
    const next = rulesWithProfile(rules, { level: 'province', departmentCode: 'H38.STP' } as Parameters<typeof rulesWithProfile>[1]);
    expect(next.handoff).toEqual({ departmentCode: 'H38.STP', shareWorkingDays: 19, route: rules.handoff!.route });
  });
});
