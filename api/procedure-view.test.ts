import { describe, expect, it } from 'vitest';
import { optionLabel } from '../domain/form-choices';
import { allProcedures, getProcedure } from '../procedures';
import { procedureResponse } from './openapi-responses';
import { procedureView } from './routes/procedures.routes';

/** The form description the API sends the portal and the back office carries its choices' words. */
describe('a procedure’s form schema as the API sends it', () => {
  it('gives each choice its options and their Vietnamese words, nested ones too', () => {
    const birth = procedureView(getProcedure('1.001193')!).formSchema as { properties: Record<string, { enum?: string[]; optionLabels?: Record<string, string> }> };
    expect(birth.properties.sex).toMatchObject({ enum: ['nam', 'nu'], optionLabels: { nam: 'Nam', nu: 'Nữ' } });
    expect(optionLabel(birth.properties.relationship, 'ong-ba')).toBe('Ông, bà');
    // Marital status: the choices sit in a nested object.
    const marital = JSON.stringify(procedureView(getProcedure('1.004873')!).formSchema);
    expect(marital).toContain('"optionLabels":{"chua-ket-hon":"Chưa kết hôn"');
  });

  it('shows a value outside the choices as it is', () => {
    expect(optionLabel({ enum: ['nam', 'nu'], optionLabels: { nam: 'Nam', nu: 'Nữ' } }, 'khac')).toBe('khac');
    expect(optionLabel(undefined, 12)).toBe('12');
  });
});

/** The response schema is closed (the OpenAPI document, the UIs' types): every field the view sends is in it. */
describe('the Procedure of the API contract', () => {
  // As closed as the document says (`additionalProperties: false`); zod's own parse would strip.
  const closed = procedureResponse.strict();

  it('describes every procedure the catalogue offers, field for field', () => {
    const all = allProcedures();
    expect(all.length).toBeGreaterThan(1000);
    for (const p of all) {
      const parsed = closed.safeParse(JSON.parse(JSON.stringify(procedureView(p))));
      expect(parsed.error?.issues, p.code).toBeUndefined();
    }
  });

  it('refuses a field it does not declare', () => {
    const view = { ...JSON.parse(JSON.stringify(procedureView(getProcedure('1.001193')!))), secret: 1 };
    expect(closed.safeParse(view).success).toBe(false);
  });
});
