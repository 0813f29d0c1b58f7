import { vi, type Messages } from './vi';

/**
 * The languages the header's switch offers. A language is listed here only once its file is
 * complete and reviewed by people (README.md in this folder); `test/unit/portal-languages.test.ts`
 * fails when a listed language misses a key or leaves one empty. Vietnamese is built in; the others
 * are loaded when chosen, so the first page carries only one language.
 */
export interface Language {
  /** BCP 47 code, as set on <html lang>. */
  code: string;
  /** The language's name in itself, as the switch shows it. */
  name: string;
  /** Numbers and money (dates stay dd/mm/yyyy in every language). */
  locale: string;
  load: () => Promise<Messages>;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'vi', name: 'Tiếng Việt', locale: 'vi-VN', load: async () => vi },
  { code: 'en', name: 'English', locale: 'en-GB', load: () => import('./en').then((m) => m.en) },
];
