import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordIssue, passwordSchema } from './password-policy';

describe('password policy', () => {
  const ok = (p: string) => passwordSchema.safeParse(p).success;

  it('wants 12 characters or more, not all blank', () => {
    expect(ok('motcua123')).toBe(false); // the demo users' password: seeded, never set through the API
    expect(ok('Ngắn-quá-1')).toBe(false);
    expect(ok(' '.repeat(12))).toBe(false);
    expect(ok('\t \n'.repeat(5))).toBe(false);
    expect(ok('Sông Hồng chảy mãi')).toBe(true);
    expect(ok('mat-khau-dai')).toBe(true);
  });

  it('refuses well-known passwords in any case', () => {
    expect(isCommonPassword('Password1234')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP123')).toBe(true);
    expect(isCommonPassword('anhyeuem123456')).toBe(true);
    expect(ok('123456789012')).toBe(false);
    expect(ok('Matkhau123456')).toBe(false);
    expect(isCommonPassword('# Well-known common passwords')).toBe(false); // the file's header is no entry
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(passwordIssue('xxLaocai.Desk-2026', 'laocai.desk')).toMatch(/username/);
    expect(passwordIssue('laocai.desk', 'laocai.desk')).toMatch(/username/);
    expect(passwordIssue('Sông Hồng chảy mãi', 'laocai.desk')).toBeNull();
  });
});
