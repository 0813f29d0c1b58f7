import polyglotI18nProvider from 'ra-i18n-polyglot';
import { enMessages } from './en';
import { viMessages } from './vi';

/** Vietnamese by default; English from the app bar's language menu (remembered by react-admin). */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? enMessages : viMessages), 'vi', [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
]);
