import { describe, expect, it } from 'vitest';
import { rulesOf, type ProcedureDefinition } from '../../domain/procedure';
import { LEGACY_RULES } from '../../workflows/legacy-rules';
import { getProcedure } from '../index';

const p = (code: string) => getProcedure(code) as unknown as ProcedureDefinition;
const stages = (code: string) => p(code).stages.map((s) => s.name);

describe('procedures that left the version-1 count (issue #13, "Time as the law counts it")', () => {
  it.each([
    // code, version, counter, online, post (working days)
    ['1.004222', 3, 7, 7, 7],
    ['1.014027', 2, 10, 10, 10],
    ['1.001612', 2, 3, 3, 3],
    ['1.012786', 3, 20, 10, 10],
  ] as const)('%s v%i counts working days as the law does: %i at the counter, %i online, %i by post', (code, version, counter, online, post) => {
    const d = p(code);
    expect(d.version).toBe(version);
    expect(d.deadline).toEqual({ workingDays: counter, kind: 'working-days' });
    expect(d.deadlines?.online ?? d.deadline).toEqual({ workingDays: online, kind: 'working-days' });
    expect(d.deadlines?.post ?? d.deadline).toEqual({ workingDays: post, kind: 'working-days' });
    // Its version 1 stays frozen for the dossiers that pinned it, on the old count.
    expect(LEGACY_RULES[code]!.deadline.kind).toBeUndefined();
    expect(LEGACY_RULES[code]!.version).toBe(1);
  });

  it('permanent residence v3 is decided by the commune police, the fee taken at filing, the exemptions kept', () => {
    const r = rulesOf(p('1.004222'));
    expect(r.decidedBy).toBe('commune-police');
    expect(stages('1.004222')).toEqual(['receive', 'pay', 'review', 'approve', 'deliver']);
    expect(r.feeRule?.exemptions?.values).toContain('ho-ngheo');
    // Rules that name no other decider carry no `decidedBy` (the snapshots dossiers pinned stay as they were).
    expect('decidedBy' in rulesOf(p('1.001612'))).toBe(false);
    expect(LEGACY_RULES['1.004222']!.decidedBy).toBeUndefined();
  });

  it('keeps the stage lists of the other three', () => {
    expect(stages('1.014027')).toEqual(['receive', 'review', 'approve', 'deliver']);
    expect(stages('1.001612')).toEqual(['receive', 'pay', 'review', 'approve', 'deliver']);
    expect(stages('1.012786')).toEqual(['receive', 'review', 'post', 'approve', 'deliver']);
  });
});
