import { useSyncExternalStore } from 'react';
import { LANGUAGES, type Language } from './languages';
import { vi, type MessageKey, type Messages } from './vi';

/**
 * The portal's current language: its words, `t()` to fill them in, and the hook that re-renders a
 * component when the citizen switches. Remembered in localStorage; <html lang> follows.
 */
const STORE = 'motcua.portal.lang';
let language: Language = LANGUAGES[0]!;
let messages: Messages = vi;
const listeners = new Set<() => void>();

export type Vars = Record<string, string | number>;

/** A message with its `{slots}` filled in (`fill`); `{s:n}` becomes "s" unless `n` is 1 (English plurals). */
export function t(key: MessageKey, vars: Vars = {}): string {
  return fill(messages[key] || vi[key], vars);
}

export function fill(text: string, vars: Vars = {}): string {
  return text.replace(/\{(s:)?(\w+)\}/g, (whole, plural: string | undefined, name: string) => {
    if (plural) return Number(vars[name]) === 1 ? '' : 's';
    return name in vars ? String(vars[name]) : whole;
  });
}

export const lang = () => language.code;
export const locale = () => language.locale;

/** A number in the language's own way (1.602 in Vietnamese, 1,602 in English). */
export const num = (n: number, options?: Intl.NumberFormatOptions) => n.toLocaleString(language.locale, options);

/** Text the API gives in both languages (`{ vi, en }`): the current one where it has it, else Vietnamese. */
export function pick(label: { vi: string; en?: string } | null | undefined): string {
  if (!label) return '';
  return (language.code === 'en' && label.en?.trim()) || label.vi;
}

/** Switches the portal's language (loading its file the first time) and remembers the choice. */
export async function setLang(code: string) {
  const next = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!;
  const loaded = await next.load();
  language = next;
  messages = loaded;
  document.documentElement.lang = next.code;
  document.title = t('app.title');
  try {
    localStorage.setItem(STORE, next.code);
  } catch {
    /* storage off (private mode): the choice lasts for this page */
  }
  listeners.forEach((fn) => fn());
}

/** Before the first render: the remembered language, else Vietnamese. */
export function initLang(): Promise<void> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORE);
  } catch {
    /* no storage: Vietnamese */
  }
  if (!saved || saved === 'vi' || !LANGUAGES.some((l) => l.code === saved)) {
    document.documentElement.lang = 'vi';
    return Promise.resolve();
  }
  return setLang(saved).catch(() => undefined);
}

/** `t` for a component: the component re-renders when the language changes. */
export function useT(): typeof t {
  useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    () => language.code,
  );
  return t;
}

export { LANGUAGES };
export type { MessageKey };
export { Rich } from './Rich';
