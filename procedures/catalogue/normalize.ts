import { parseChannels } from './parse-channels';
import { parseDocuments } from './parse-documents';
import { parseAgency, parseLegalBases, parseLevels, parseResults, parseSubjects } from './parse-facts';
import { clean } from './text';
import type { Procedure, Provenance, RawProcedure } from './types';

/**
 * The province's one-stop shops receive commune- and province-level procedures. Ministry-only
 * (and "other agency"-only) ones are filed elsewhere, so the committed catalogue leaves them out.
 */
export function isOffered(p: Pick<Procedure, 'levels'>): boolean {
  return p.levels.includes('commune') || p.levels.includes('province');
}

/** One crawled page → one catalogue entry. Pure: the same page always gives the same entry. */
export function normalizeProcedure(raw: RawProcedure, source: Provenance): Procedure {
  const levels = parseLevels(raw.cap_thuc_hien);
  return {
    code: clean(raw.ma_thu_tuc),
    name: clean(raw.ten_thu_tuc),
    levels,
    field: clean(raw.linh_vuc),
    competentAgency: parseAgency(raw.co_quan_co_tham_quyen),
    implementingAgency: parseAgency(raw.co_quan_thuc_hien),
    ...parseSubjects(raw.doi_tuong_thuc_hien),
    channels: parseChannels(raw.cach_thuc_thuc_hien),
    documents: parseDocuments(raw.thanh_phan_ho_so),
    results: parseResults(raw.ket_qua_xu_ly),
    legalBases: parseLegalBases(raw.can_cu_phap_ly),
    source,
  };
}
