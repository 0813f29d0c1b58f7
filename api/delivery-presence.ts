// The marriage certificate is handed to both spouses in person (Luật Hộ tịch 2014 art. 18;
// docs/forms.md): the desk records each one's name and personal ID number as checked, and they
// must be the spouses of the dossier's form. The workflow checks that two different people were
// recorded (domain/lifecycle/stages/deliver.ts); only the API has the form to check who.
import type { ActionRequest } from '../domain/actions';
import { HttpProblem } from './problem';

type Person = { name: string; idNumber: string };

/** The spouses a form names (the marriage form's groom and bride), or none when it names no spouses. */
export function spousesOf(form: Record<string, unknown>): Person[] {
  const out: Person[] = [];
  for (const side of ['groom', 'bride']) {
    const name = form[`${side}Name`];
    const idNumber = form[`${side}IdNumber`];
    if (typeof name === 'string' && typeof idNumber === 'string') out.push({ name, idNumber });
  }
  return out;
}

/** Names as the desk reads them off an ID card: case and spacing aside, every diacritic counts. */
const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
};

/** Refuses (422) a hand-over whose recorded people are not the spouses of the dossier's form. */
export function checkPresence(request: ActionRequest, form: Record<string, unknown>): void {
  if (request.action !== 'deliver' || !request.body.present) return;
  const spouses = spousesOf(form);
  if (spouses.length === 0) return;
  const errors = request.body.present.flatMap((p, i) => {
    const spouse = spouses.find((s) => s.idNumber === p.idNumber);
    if (!spouse) return [{ field: `present.${i}.idNumber`, message: 'not the personal ID number of either spouse of this dossier' }];
    if (!sameName(spouse.name, p.name)) return [{ field: `present.${i}.name`, message: 'the name does not match the spouse with this personal ID number' }];
    return [];
  });
  if (errors.length > 0) {
    throw new HttpProblem(422, 'rule-violation', 'Procedure rule violated', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}
