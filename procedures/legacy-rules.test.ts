import { describe, expect, it } from 'vitest';
import { rulesOf, type ProcedureDefinition } from '../domain/procedure';
import { LEGACY_RULES } from '../workflows/legacy-rules';
import { PROCEDURES } from './index';

describe('the frozen version-1 rules of dossiers started before versioning', () => {
  it('are exactly the rules of the coded procedures still at version 1', () => {
    for (const p of PROCEDURES as readonly ProcedureDefinition[]) {
      if (p.version !== 1) continue;
      expect(LEGACY_RULES[p.code], p.code).toEqual(rulesOf(p));
    }
    expect(Object.keys(LEGACY_RULES).sort()).toEqual(PROCEDURES.map((p) => p.code).sort());
  });
});
