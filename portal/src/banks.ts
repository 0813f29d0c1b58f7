import data from './data/bank-bins.json';
import { t } from './i18n';

/**
 * The bank a VietQR names by its BIN, in words a citizen recognises («VietinBank — Ngân hàng TMCP
 * Công Thương Việt Nam»); the BIN itself when it is not one of the common banks listed.
 */
export function bankName(bin: string | undefined): string {
  if (!bin) return '';
  const b = (data.banks as Record<string, { short: string; name: string } | undefined>)[bin];
  return b ? `${b.short} — ${b.name}` : t('bank.unknown', { bin });
}
