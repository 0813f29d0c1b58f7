import agencies from '../../db/seed/lao-cai-agencies.json';
import { t } from './i18n';

/** The province's communes and wards (db/seed/lao-cai-agencies.json), for «where to go». */
export const COMMUNES = agencies.agencies
  .filter((a) => a.kind === 'commune')
  // «Ủy ban nhân dân phường Lào Cai» → «phường Lào Cai»: the place, which the visitor picks by.
  .map((a) => ({ code: a.code, name: a.name.replace(/^Ủy ban nhân dân\s+/u, '') }))
  .sort((a, b) => a.name.replace(/^(xã|phường)\s+/u, '').localeCompare(b.name.replace(/^(xã|phường)\s+/u, ''), 'vi'));

/**
 * The commune's one-stop office. Agencies state no street address yet (db/schema/agencies.ts): the
 * office is named by its commune's People's Committee, whose seat everyone there knows.
 */
export const oneStopOffice = (name: string) => ({
  office: t('commune.office', { name }),
  address: t('commune.address', { name }),
});
