import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { address, applicantIdNumber } from '../procedures/coded/form-fields';
import { getProcedure } from '../procedures';
import { containsPersonal, maskPersonal } from './personal-data';

describe('maskPersonal', () => {
  it('masks the fields a form tags personal, through optional wrappers, refinements and arrays', () => {
    const form = getProcedure('1.004222')!.form;
    const masked = maskPersonal(form, { newResidence: 'Số 25 đường Hoàng Liên', basis: 'o-nho-nguoi-than', householdHeadIdNumber: '010068002211', membersMoving: 0 });
    expect(masked).toEqual({ newResidence: `${'*'.repeat(19)}iên`, basis: 'o-nho-nguoi-than', householdHeadIdNumber: '*********211', membersMoving: 0 });
    const people = z.object({ list: z.array(z.object({ id: applicantIdNumber, note: z.string() })) });
    expect(maskPersonal(people, { list: [{ id: '123456789012', note: 'ok' }] })).toEqual({ list: [{ id: '*********012', note: 'ok' }] });
  });

  it('withholds keys the schema does not know, and finds tags anywhere', () => {
    expect(maskPersonal(z.object({ a: z.string() }), { a: 'x', stray: '0912345678' })).toEqual({ a: 'x', stray: '*******678' });
    expect(containsPersonal(z.object({ a: address.optional() }))).toBe(true);
    expect(containsPersonal(z.object({ a: z.string() }))).toBe(false);
  });
});
