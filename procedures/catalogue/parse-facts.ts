import { clean, shortName } from './text';
import type { Audience, Level, Result, SubjectKind } from './types';

const LEVEL_LABELS: Record<string, Level> = { 'Cấp bộ': 'ministry', 'Cấp tỉnh': 'province', 'Cấp xã': 'commune', 'Cơ quan khác': 'other' };
const LEVEL_ORDER: Level[] = ['commune', 'province', 'ministry', 'other'];

/** "Cấp tỉnh, Cấp xã" → ['commune', 'province']; an unknown label throws so a new one is seen, not dropped. */
export function parseLevels(raw: string): Level[] {
  const levels = clean(raw).split(/\s*,\s*/).filter(Boolean).map((label) => {
    const level = LEVEL_LABELS[label];
    if (!level) throw new Error(`unknown level "${label}"`);
    return level;
  });
  return LEVEL_ORDER.filter((l) => levels.includes(l));
}

/** The subjects' labels contain commas ("Cán bộ, công chức, viên chức"), so they are matched whole, longest first. */
const SUBJECT_LABELS = ([
  ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'organisation'],
  ['Người nước ngoài cư trú tại Việt Nam', 'foreigner'],
  ['Doanh nghiệp Việt Nam', 'enterprise'],
  ['Tổ chức Đảng', 'party-organisation'],
  ['Đảng viên', 'party-member'],
  ['Doanh nghiệp có vốn đầu tư nước ngoài', 'foreign-invested-enterprise'],
  ['Người Việt Nam định cư ở nước ngoài', 'overseas-vietnamese'],
  ['Cán bộ, công chức, viên chức', 'civil-servant'],
  ['Công dân Việt Nam', 'citizen'],
  ['Người nước ngoài', 'foreigner'],
  ['Tổ chức nước ngoài', 'foreign-organisation'],
  ['Doanh nghiệp', 'enterprise'],
  ['Hợp tác xã', 'cooperative'],
] satisfies [string, SubjectKind][]).sort(([a], [b]) => b.length - a.length);
const SUBJECT_ORDER = [...new Set(SUBJECT_LABELS.map(([, kind]) => kind))].sort();
const PEOPLE: SubjectKind[] = ['citizen', 'overseas-vietnamese', 'foreigner', 'civil-servant', 'party-member'];

export function parseSubjects(raw: string): { subjects: SubjectKind[]; audience: Audience[] } {
  let rest = clean(raw);
  const found = new Set<SubjectKind>();
  for (const [label, kind] of SUBJECT_LABELS) {
    if (rest.includes(label)) {
      found.add(kind);
      rest = rest.split(label).join(',');
    }
  }
  if (rest.replace(/[,\s]/g, '') !== '') throw new Error(`unknown subject in "${raw}"`);
  const subjects = SUBJECT_ORDER.filter((k) => found.has(k));
  const audience: Audience[] = [];
  if (subjects.some((k) => PEOPLE.includes(k))) audience.push('citizen');
  if (subjects.some((k) => !PEOPLE.includes(k))) audience.push('organisation');
  return { subjects, audience };
}

/**
 * Legal document numbers: "61/2018/NĐ-CP", "60/2014/QH13", "27/2016/QĐ-TTg". The table glues the
 * number column to the next row ("NĐ-CP42/2020/…", "NĐ-CPLuật…"), so an issuer code is upper case
 * (plus "TTg" and the legislature's term digits) and must not run into a word.
 */
const ISSUER = '(?:TTg|UBTVQH\\d{2}|QH\\d{2}|[A-ZĐ]+)';
const LEGAL_NUMBER = new RegExp(`\\d+(?:\\.\\d+)?/\\d{4}/${ISSUER}(?:\\s?-\\s?${ISSUER})*(?!\\p{Ll})`, 'gu');

export function parseLegalBases(raw: string): string[] {
  const text = raw.normalize('NFC');
  const numbers = [...text.matchAll(LEGAL_NUMBER)].map((m) => m[0].replace(/\s/g, ''));
  return [...new Set(numbers)];
}

/**
 * `ket_qua_xu_ly` lists "NameMã: KQ.G15.000033" per result, then page chrome ("Từ khóa…") that is
 * dropped. Some pages describe the outcome instead of naming it; the name stops where prose starts.
 */
export function parseResults(raw: string): Result[] {
  const text = clean(raw).split(/Từ khóa/)[0] ?? '';
  if (text === '' || text === 'Không có thông tin') return [];
  const results: Result[] = [];
  let from = 0;
  for (const m of text.matchAll(/Mã: ?(KQ\.[A-Z0-9.]+\d)/g)) {
    const name = shortName(text.slice(from, m.index));
    if (name) results.push({ name, code: m[1]! });
    from = m.index + m[0].length;
  }
  const tail = shortName(text.slice(from));
  if (tail) results.push({ name: tail, code: null });
  return results;
}

/**
 * Agency text, or null when the portal has none. An agency name starts with a capital; text
 * starting in lower case is another field's prose the crawl shifted here, so it is none too.
 */
export function parseAgency(raw: string | undefined): string | null {
  const text = clean(raw ?? '').replace(/\.$/, '');
  return text === '' || text === 'Không có thông tin' || /^\p{Ll}/u.test(text) ? null : text;
}
