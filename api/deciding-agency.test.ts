import { describe, expect, it } from 'vitest';
import type { AgencyRow } from '../db/schema';
import { decidingAgency } from './deciding-agency';
import type { HttpProblem } from './problem';

const commune: AgencyRow = { code: '02647', name: 'Ủy ban nhân dân phường Lào Cai', nameEn: 'Lao Cai Ward', kind: 'commune', parentCode: 'H38' };
const police: AgencyRow = { code: '02647-CA', name: 'Công an phường Lào Cai', nameEn: 'Lao Cai Ward Police', kind: 'police', parentCode: '02647' };
const tree = (children: AgencyRow[]) => ({ childrenOf: (code: string) => children.filter((c) => c.parentCode === code) });

describe('who receives and decides a dossier filed at a commune', () => {
  it('is the commune, unless the rules name another decider', () => {
    expect(decidingAgency({}, commune, tree([police]))).toBe('02647');
  });

  it('is the commune police unit under it for a procedure the commune police decide', () => {
    const other: AgencyRow = { ...police, code: '02683-CA', parentCode: '02683' };
    expect(decidingAgency({ decidedBy: 'commune-police' }, commune, tree([other, police]))).toBe('02647-CA');
  });

  it('refuses (422) when the commune has no police unit in the agency tree', () => {
    let problem: HttpProblem | undefined;
    try {
      decidingAgency({ decidedBy: 'commune-police' }, commune, tree([{ ...police, kind: 'department' }]));
    } catch (e) {
      problem = e as HttpProblem;
    }
    expect([problem?.status, problem?.code]).toEqual([422, 'rule-violation']);
    expect(problem?.detail).toMatch(/no police unit/);
  });
});
