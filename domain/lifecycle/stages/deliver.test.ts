import { describe, expect, it } from 'vitest';
import { deliver, type ProcedureDefinition, type ResultKind } from '../../procedure';
import { Dossier, desk, HOUR, NOW, provinceProcedure } from '../test-fixtures';

const GROOM = { name: 'Vàng A Páo', idNumber: '010099001234' };
const BRIDE = { name: 'Giàng Thị Dung', idNumber: '010301005678' };

/** A free commune procedure whose result is of `result` kind, its dossier ready at the desk. */
function ready(result?: ResultKind): Dossier {
  const p: ProcedureDefinition = { ...provinceProcedure, level: 'commune', handoff: undefined, stages: [...provinceProcedure.stages.slice(0, -1), deliver(result ? { result } : {})] };
  const d = Dossier.start(p, 'counter');
  d.state = { ...d.state, status: 'RESULT_READY' };
  return d;
}

describe('the deliver kind hands the result over as its kind says', () => {
  it('delivers an electronic result online, as rules without a result kind always did', () => {
    for (const d of [ready(), ready('electronic')]) {
      expect(d.act(desk, { action: 'deliver', body: { method: 'online' } }, NOW + HOUR)).toMatchObject({ toStatus: 'DELIVERED', data: { method: 'online' } });
    }
  });

  it('hands a paper original over at the desk only', () => {
    const d = ready('paper');
    expect(d.refuse(desk, { action: 'deliver', body: { method: 'online' } }, NOW + HOUR)).toEqual({
      code: 'rule', reason: 'the result is an original on paper: it is handed over at the desk',
    });
    expect(d.act(desk, { action: 'deliver', body: { method: 'desk' } }, NOW + HOUR).toStatus).toBe('DELIVERED');
  });

  it('hands a marriage certificate to both spouses in person, each recorded by name and ID number', () => {
    const d = ready('in-person-both-spouses');
    expect(d.refuse(desk, { action: 'deliver', body: { method: 'online', present: [GROOM, BRIDE] } }, NOW + HOUR).reason).toMatch(/both spouses in person/);
    for (const present of [undefined, [GROOM], [GROOM, { ...GROOM, name: 'Người khác' }]]) {
      expect(d.refuse(desk, { action: 'deliver', body: { method: 'desk', ...(present ? { present } : {}) } }, NOW + HOUR).reason).toMatch(/both spouses must be present/);
    }
    const e = d.act(desk, { action: 'deliver', body: { method: 'desk', present: [GROOM, BRIDE] } }, NOW + HOUR);
    // The trail keeps who collected it.
    expect(e).toMatchObject({ toStatus: 'DELIVERED', data: { method: 'desk', present: [GROOM, BRIDE] } });
  });
});
