import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problems } from '../../portal/src/i18n/complete';
import { fill, t } from '../../portal/src/i18n/index';
import { LANGUAGES } from '../../portal/src/i18n/languages';
import { en } from '../../portal/src/i18n/en';
import { vi } from '../../portal/src/i18n/vi';
import { STATUS_TEXT } from '../../domain/status-text';

const FOLDER = path.resolve('portal/src/i18n');
/** Language files: `vi.ts`, `en.ts`, later `hmn.ts` … (two or three letters, as BCP 47 codes). */
const files = readdirSync(FOLDER).filter((f) => /^[a-z]{2,3}\.ts$/.test(f));

describe('the portal in languages as data (portal/src/i18n/)', () => {
  it('offers Vietnamese first, then English, each named in itself', () => {
    expect(LANGUAGES.map((l) => [l.code, l.name])).toEqual([
      ['vi', 'Tiếng Việt'],
      ['en', 'English'],
    ]);
  });

  it('has no empty Vietnamese message: Vietnamese is the key set every language fills', () => {
    expect(problems(vi)).toEqual([]);
    expect(Object.keys(vi).length).toBeGreaterThan(250);
  });

  it('offers a language only when its file has every key of Vietnamese, non-empty, with the same {slots}', async () => {
    for (const language of LANGUAGES) {
      expect(files, `${language.code}.ts is in the folder`).toContain(`${language.code}.ts`);
      expect(problems(await language.load()), language.code).toEqual([]);
    }
  });

  it('does not offer a language file that is incomplete (a translation under review stays out of the switch)', async () => {
    for (const file of files) {
      const code = file.replace(/\.ts$/, '');
      const mod = (await import(path.join(FOLDER, file))) as Record<string, unknown>;
      const messages = (mod[code] ?? {}) as Record<string, unknown>;
      if (problems(messages).length) expect(LANGUAGES.map((l) => l.code), `${file} is incomplete`).not.toContain(code);
    }
  });

  it('finds what keeps a file from being offered: a missing key, an empty one, a lost {slot}, a key Vietnamese lacks', () => {
    const { ['nav.finder']: _dropped, ...missing } = en;
    expect(problems(missing)).toEqual(['nav.finder: missing or empty']);
    expect(problems({ ...en, 'app.brand': '  ' })).toEqual(['app.brand: missing or empty']);
    expect(problems({ ...en, 'finder.found': 'Procedures found, best first.' })).toEqual(['finder.found: slots {} instead of {n}']);
    expect(problems({ ...en, 'nav.extra': 'Extra' })).toEqual(['nav.extra: not a key of vi.ts']);
  });

  it('words every status in Vietnamese exactly as the API does (domain/status-text.ts), and no other status', () => {
    const portal = Object.fromEntries(Object.entries(vi).filter(([k]) => k.startsWith('status.')).map(([k, v]) => [k.slice('status.'.length), v]));
    expect(portal).toEqual(STATUS_TEXT);
  });

  it('fills {slots} and leaves Vietnamese without plural marks', () => {
    expect(t('finder.found', { n: 3 })).toBe('Tìm thấy 3 thủ tục, phù hợp nhất ở trên cùng.');
    expect(t('nav.signOut', { name: 'Nguyễn Văn A' })).toBe('Đăng xuất (Nguyễn Văn A)');
    expect(t('deadline.workingDays', { n: 1 })).toBe('1 ngày làm việc');
  });

  it('says English plurals by the number: {s:n} is "s" unless n is 1', () => {
    expect(fill(en['finder.found'], { n: 1 })).toBe('1 procedure found, best match first.');
    expect(fill(en['finder.found'], { n: 12 })).toBe('12 procedures found, best match first.');
    expect(fill(en['deadline.workingDays'], { n: 1 })).toBe('1 working day');
  });
});
