import { STATUS_TEXT } from '../domain/status-text';
import type { Status } from '../domain/status';
import { stripDiacritics } from '../domain/text';
import { vnDate } from './templates';

/**
 * SMS that answer a person rather than announce a dossier event: the consent code of assisted
 * filing and the replies to a status lookup by SMS (docs/assisted-filing.md). Pure functions;
 * without diacritics like every SMS (integrations/templates.ts). They carry no personal data.
 */
export type DirectSmsTemplate = 'consent-code' | 'status-reply' | 'status-unknown' | 'status-help';

/** The keyword citizens text, as the replies teach it. */
export const LOOKUP_KEYWORD = 'TRACUU';

export function consentCodeSms(x: { code: string; helperName: string; communeName: string; minutes: number }): string {
  return stripDiacritics(
    `Ma xac nhan ${x.code}. ${x.helperName} (To cong nghe so cong dong ${x.communeName}) de nghi nop ho so thu tuc hanh chinh thay ong/ba. ` +
      `Chi doc ma nay cho nguoi ho tro neu ong/ba dong y. Ma co hieu luc ${x.minutes} phut.`,
  );
}

/** The status of a dossier, and its due date when it has one (dd/MM/yyyy, Vietnam time). */
export function statusReplySms(x: { code: string; status: Status; dueAt: number | null; finished: boolean }): string {
  const due = !x.finished && x.dueAt !== null ? ` Hen tra ket qua: ${vnDate(x.dueAt)}.` : '';
  return stripDiacritics(`Ho so ${x.code}: ${STATUS_TEXT[x.status]}.${due}`);
}

export function statusUnknownSms(code: string): string {
  return stripDiacritics(
    `Khong tim thay ho so ${code}. Vui long kiem tra lai ma ho so tren giay tiep nhan va soan: ${LOOKUP_KEYWORD} <ma ho so>, vi du ${LOOKUP_KEYWORD} 02647-261123-0001.`,
  );
}

export function statusHelpSms(): string {
  return stripDiacritics(`De tra cuu ho so, soan: ${LOOKUP_KEYWORD} <ma ho so>, vi du ${LOOKUP_KEYWORD} 02647-261123-0001. Ma ho so in tren giay tiep nhan.`);
}
