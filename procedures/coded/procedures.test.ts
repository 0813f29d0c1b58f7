import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ProcedureDefinition } from '../../domain/procedure';
import { certifiedCopyFee } from './certified-copy';
import { PROCEDURES, allProcedures, getProcedure, procedureCodes } from '../index';

const all = PROCEDURES as unknown as readonly ProcedureDefinition[];

describe('procedure registry', () => {
  it('has unique codes in the national format', () => {
    expect(new Set(procedureCodes).size).toBe(procedureCodes.length);
    for (const code of procedureCodes) expect(code).toMatch(/^\d\.\d{6}$/);
  });

  it('finds a procedure by code and answers undefined for an unknown one', () => {
    expect(getProcedure('1.001193')?.name.vi).toBe('Đăng ký khai sinh');
    expect(getProcedure('9.999999')).toBeUndefined();
  });

  it.each(all.map((p) => [p.code, p] as const))('%s: its example parses with its form', (_code, p) => {
    expect(p.form.safeParse(p.example).success).toBe(true);
  });

  it.each(all.map((p) => [p.code, p] as const))('%s: every form field has a vi and en label, and no label is stray', (_code, p) => {
    const fields = Object.keys(p.form.shape);
    expect(Object.keys(p.formLabels).sort()).toEqual([...fields].sort());
    for (const f of fields) {
      const label = (p.formLabels as Record<string, { vi: string; en: string }>)[f];
      expect(label?.vi.trim()).toBeTruthy();
      expect(label?.en.trim()).toBeTruthy();
    }
  });

  /** Every choice field of a form's JSON Schema (as the API sends it), with its options and their labels. */
  const choicesOf = (p: ProcedureDefinition) => {
    const found: { values: string[]; labels: Record<string, unknown> | undefined }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const { enum: values, optionLabels, ...rest } = node as { enum?: unknown[]; optionLabels?: Record<string, unknown> };
      if (Array.isArray(values)) found.push({ values: values.map(String), labels: optionLabels });
      Object.values(rest).forEach(walk);
    };
    walk(z.toJSONSchema(p.form, { unrepresentable: 'any' }));
    return found;
  };

  /** The options of a form's choices that have no Vietnamese words: a label, not the slug again, with a letter. */
  const unlabeled = (p: ProcedureDefinition) =>
    choicesOf(p).flatMap((c) =>
      c.values.filter((v) => {
        const label = c.labels?.[v];
        return typeof label !== 'string' || !label.trim() || label === v || !/\p{L}/u.test(label);
      }),
    );

  it('every option of every choice in every form — coded and generic — carries its Vietnamese words in the form schema', () => {
    const forms = allProcedures();
    expect(forms.flatMap((p) => unlabeled(p).map((v) => `${p.code}: ${v}`))).toEqual([]);
    expect(forms.reduce((n, p) => n + choicesOf(p).reduce((m, c) => m + c.values.length, 0), 0)).toBeGreaterThanOrEqual(40);
  });

  it('finds a choice without its words, or with a slug for words', () => {
    const withForm = (form: z.ZodType) => ({ ...getProcedure('1.001193')!, form }) as unknown as ProcedureDefinition;
    expect(unlabeled(withForm(z.object({ sex: z.enum(['nam', 'nu']) })))).toEqual(['nam', 'nu']);
    expect(unlabeled(withForm(z.object({ sex: z.enum(['nam', 'nu']).meta({ optionLabels: { nam: 'Nam', nu: 'nu' } }) })))).toEqual(['nu']);
  });

  it.each(all.map((p) => [p.code, p] as const))('%s: metadata is complete', (_code, p) => {
    expect(p.name.vi && p.name.en && p.field.vi && p.field.en).toBeTruthy();
    expect(p.source.length).toBeGreaterThan(10);
    expect(p.keywords.length).toBeGreaterThanOrEqual(3);
    expect(p.requiredDocuments.length).toBeGreaterThanOrEqual(1);
    // Every coded procedure states its time: a same-day one needs no count, the others a whole one.
    if (p.deadline.kind === 'same-day') expect(p.deadline.workingDays).toBeNull();
    else expect(Number.isInteger(p.deadline.workingDays) && p.deadline.workingDays! >= 1).toBe(true);
    const stages = p.stages.map((s) => s.name);
    expect(stages[0]).toBe('receive');
    expect(stages.at(-1)).toBe('deliver');
    expect(stages.includes('pay')).toBe(p.fee.counter > 0 || (p.fee.online ?? 0) > 0);
  });

  it('the form produces a JSON Schema for the catalogue', () => {
    for (const p of all) expect(() => z.toJSONSchema(p.form)).not.toThrow();
  });

  it('each province-level procedure hands off with a department share shorter than its deadline', () => {
    for (const p of all.filter((x) => x.level === 'province')) {
      expect(p.handoff, p.code).toBeDefined();
      expect(p.handoff!.departmentCode).toMatch(/^H38\.[A-Z]+$/);
      expect(p.handoff!.shareWorkingDays).toBeGreaterThanOrEqual(1);
      expect(p.handoff!.shareWorkingDays!).toBeLessThan(p.deadline.workingDays!);
    }
    for (const p of all.filter((x) => x.level === 'commune')) expect(p.handoff, p.code).toBeUndefined();
  });

  it('has at least two commune-level full-process-online procedures with a fee', () => {
    const paid = all.filter((p) => p.level === 'commune' && p.fullProcessOnline && (p.fee.counter > 0 || (p.fee.online ?? 0) > 0));
    expect(paid.length).toBeGreaterThanOrEqual(2);
  });

  it('has at least two province-level procedures', () => {
    expect(all.filter((p) => p.level === 'province').length).toBeGreaterThanOrEqual(2);
  });

  it('keywords include the plain word for the land certificate', () => {
    expect(getProcedure('1.013978')?.keywords).toContain('sổ đỏ');
  });
});

describe('conditional form rules', () => {
  it('permanent residence: joining another household needs the head and the relationship', () => {
    const form = getProcedure('1.004222')!.form;
    const ex = getProcedure('1.004222')!.example as Record<string, unknown>;
    expect(form.safeParse({ ...ex, householdHeadName: undefined }).success).toBe(false);
    expect(form.safeParse({ ...ex, basis: 'nha-so-huu', householdHeadName: undefined, relationshipToHead: undefined }).success).toBe(true);
  });

  it('marital status for a marriage needs the intended spouse', () => {
    const form = getProcedure('1.004873')!.form;
    const ex = getProcedure('1.004873')!.example as Record<string, unknown>;
    expect(form.safeParse({ ...ex, intendedSpouseName: undefined }).success).toBe(false);
    expect(form.safeParse({ ...ex, purpose: 'vay-von', intendedSpouseName: undefined }).success).toBe(true);
  });
});

describe('certified copy fee (TT 226/2016)', () => {
  it('charges 2,000 VND a page for pages 1–2 and 1,000 from page 3, per copy', () => {
    expect(certifiedCopyFee({ pages: 1, copies: 1 })).toBe(2000);
    expect(certifiedCopyFee({ pages: 2, copies: 1 })).toBe(4000);
    expect(certifiedCopyFee({ pages: 5, copies: 1 })).toBe(7000);
    expect(certifiedCopyFee({ pages: 1, copies: 3 })).toBe(6000);
  });

  it('caps one copy at 200,000 VND', () => {
    expect(certifiedCopyFee({ pages: 500, copies: 1 })).toBe(200_000);
    expect(certifiedCopyFee({ pages: 500, copies: 2 })).toBe(400_000);
  });

  it('the contract fee is the single-page price', () => {
    expect(getProcedure('2.000815')!.fee.counter).toBe(certifiedCopyFee({ pages: 1, copies: 1 }));
  });
});
