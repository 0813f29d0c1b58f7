import { describe, expect, it } from 'vitest';
import { checkPresence } from './delivery-presence';
import type { HttpProblem } from './problem';

const form = { groomName: 'Vàng A Páo', groomIdNumber: '010099001234', brideName: 'Giàng Thị Dung', brideIdNumber: '010301005678' };
const deliver = (present: { name: string; idNumber: string }[]) => ({ action: 'deliver' as const, body: { method: 'desk' as const, present } });
const problem = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as HttpProblem;
  }
  return null;
};

describe('the spouses recorded at the desk are the dossier’s', () => {
  it('accepts both spouses of the form, whatever the case and spacing of their names', () => {
    expect(problem(() => checkPresence(deliver([{ name: 'VÀNG  A PÁO', idNumber: '010099001234' }, { name: 'Giàng Thị Dung', idNumber: '010301005678' }]), form))).toBeNull();
  });

  it('refuses (422) an ID number of neither spouse, and a name that is not the one of its ID number — diacritics count', () => {
    const p = problem(() => checkPresence(deliver([{ name: 'Vàng A Páo', idNumber: '010099009999' }, { name: 'Giang Thi Dung', idNumber: '010301005678' }]), form))!;
    expect([p.status, p.code]).toEqual([422, 'rule-violation']);
    expect(p.extra.errors).toEqual([
      { field: 'present.0.idNumber', message: 'not the personal ID number of either spouse of this dossier' },
      { field: 'present.1.name', message: 'the name does not match the spouse with this personal ID number' },
    ]);
  });

  it('leaves other forms and other actions alone', () => {
    expect(problem(() => checkPresence(deliver([{ name: 'Lù Thị Hoa', idNumber: '010186000123' }]), { fullName: 'Lù Thị Hoa' }))).toBeNull();
    expect(problem(() => checkPresence({ action: 'deliver', body: { method: 'desk' } }, form))).toBeNull();
  });
});
