import { describe, expect, it } from 'vitest';
import { cleanTree, kindOfField, MAX_DEPTH, textProblem } from './text-rule';

describe('textProblem', () => {
  it('accepts Vietnamese in every kind, composed or decomposed', () => {
    for (const kind of ['name', 'line', 'multiline'] as const) {
      expect(textProblem('Nguyễn Thị Ánh Tuyết — Phường Lào Cai', kind)).toBeUndefined();
      expect(textProblem('Nguyễn Thị Ệ'.normalize('NFD'), kind)).toBeUndefined();
    }
    expect(textProblem('Dòng một\nDòng hai\r\n\tthụt lề', 'multiline')).toBeUndefined();
    expect(textProblem('Gia đình 👨\u200d👩\u200d👧', 'line')).toBeUndefined();
  });

  it('refuses a lone surrogate, high or low, but not a well-formed pair', () => {
    expect(textProblem('a\ud800b', 'line')).toMatch(/surrogate/);
    expect(textProblem('\udc00', 'multiline')).toMatch(/surrogate/);
    expect(textProblem('ab\ud800', 'name')).toMatch(/surrogate/);
    expect(textProblem('\ud83d\ude00', 'line')).toBeUndefined();
  });

  it('refuses bidi overrides and isolates everywhere', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`hồ sơ ${c}fdp.exe`, 'multiline')).toMatch(/bidirectional/);
    }
  });

  it('allows tab and line breaks in multi-line text only', () => {
    expect(textProblem('a\tb', 'line')).toMatch(/U\+0009.*single-line/);
    expect(textProblem('a\nb', 'name')).toMatch(/U\+000A/);
    expect(textProblem('a\u0000b', 'multiline')).toMatch(/U\+0000/);
    expect(textProblem('a\u007fb', 'multiline')).toMatch(/U\+007F/);
    expect(textProblem('a\u0085b', 'multiline')).toMatch(/U\+0085/);
    expect(textProblem('a\u00adb', 'line')).toMatch(/U\+00AD/);
  });

  it('refuses zero-width characters in names and codes, not in free text', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060']) {
      expect(textProblem(`Nguyễn${c} Văn A`, 'name')).toMatch(/zero-width/);
      expect(textProblem(`ghi${c}chú`, 'multiline')).toBeUndefined();
    }
  });

  it('refuses runs of more than two combining marks (in NFD)', () => {
    expect(textProblem('e\u0323\u0302', 'name')).toBeUndefined();
    expect(textProblem('e\u0323\u0302\u0301', 'line')).toMatch(/combining/);
    expect(textProblem('ệ\u0301', 'line')).toMatch(/combining/);
    expect(textProblem(`Z${'\u0336'.repeat(40)}algo`, 'multiline')).toMatch(/combining/);
  });
});

describe('kindOfField', () => {
  it('reads the field name: notes and reasons are multi-line, names and codes are names', () => {
    expect(kindOfField('note')).toBe('multiline');
    expect(kindOfField('reason')).toBe('multiline');
    for (const f of ['fullName', 'name', 'agencyCode', 'assigneeId', 'transactionId', 'idNumber', 'receiptNo', 'dossierCode']) expect(kindOfField(f)).toBe('name');
    expect(kindOfField('address')).toBe('line');
    expect(kindOfField('0')).toBe('line');
  });
});

describe('cleanTree', () => {
  it('returns a copy with every string and key in NFC', () => {
    const nfd = 'Nguyễn Văn Ệ'.normalize('NFD');
    const r = cleanTree({ applicant: { fullName: nfd }, missing: [nfd], [nfd]: 1, n: 2, b: true, z: null });
    expect(r).toEqual({ ok: true, value: { applicant: { fullName: 'Nguyễn Văn Ệ' }, missing: ['Nguyễn Văn Ệ'], 'Nguyễn Văn Ệ': 1, n: 2, b: true, z: null } });
  });

  it('leaves passwords as typed (checked, not normalized)', () => {
    const nfd = 'mật khẩu Ệ'.normalize('NFD');
    expect(cleanTree({ password: nfd, newPassword: nfd })).toEqual({ ok: true, value: { password: nfd, newPassword: nfd } });
    expect(cleanTree({ password: 'a\u202eb' })).toMatchObject({ ok: false, field: 'password' });
  });

  it('names the offending field by its path, array items included, and judges items by their array', () => {
    expect(cleanTree({ missing: ['ok', 'a\ud800'] })).toMatchObject({ ok: false, field: 'missing.1', message: expect.stringMatching(/surrogate/) });
    expect(cleanTree({ note: 'a\nb', applicant: { fullName: 'A\u200bB' } })).toMatchObject({ ok: false, field: 'applicant.fullName' });
    expect(cleanTree({ form: { 'x\u202e': 1 } })).toMatchObject({ ok: false, field: 'form.x\u202e', message: expect.stringMatching(/^field name/) });
    expect(cleanTree({ missing: ['a\nb'] })).toMatchObject({ ok: false, field: 'missing.0' });
    expect(cleanTree('\u0000')).toMatchObject({ ok: false, field: '' });
  });

  it('names the first offender in document order', () => {
    expect(cleanTree({ a: 'x\u0001', b: 'y\u0001' })).toMatchObject({ field: 'a' });
    expect(cleanTree(['ok', 'x\u0001', 'y\u0001'])).toMatchObject({ field: '1' });
  });

  it('refuses nesting past the cap without recursion, however deep', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(cleanTree(deep)).toMatchObject({ ok: false, message: expect.stringMatching(/nested/) });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(cleanTree(ok).ok).toBe(true);
    expect(cleanTree({ b: ok }).ok).toBe(false);
  });

  it('keeps a "__proto__" key as data, without touching the prototype', () => {
    const r = cleanTree(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(r.ok).toBe(true);
    const value = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
