import { foldVietnamese } from '../../domain/text';

/** What the advisor knows of a candidate procedure to ask about it. */
export interface Candidate {
  code: string;
  name: string;
  level: 'commune' | 'province';
  /** People, organisations, or both (the catalogue's audience). */
  audience: readonly ('citizen' | 'organisation')[];
  /** How well the citizen's words match it (the finder's score): whether it is still in the running. */
  match: number;
  /** The match, preferring the plain procedure over its special cases: the order shown. */
  score: number;
}

/**
 * A clarifying question the catalogue's facts let the advisor ask (docs/advisor.md): each option
 * keeps the candidates whose value it names. `weight` lowers a question citizens seldom can
 * answer (which level decides is the office's business, not theirs), so it is asked last.
 */
export interface Facet {
  id: string;
  text: string;
  weight: number;
  options: readonly { id: string; label: string }[];
  /** The option ids a candidate belongs to (several: a procedure for people and organisations). */
  valuesOf(c: Candidate): readonly string[];
}

/** Words of a folded name, padded so that a pattern matches whole words only. */
const padded = (name: string) => ` ${foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ')} `;
const has = (name: string, words: readonly string[]) => {
  const n = padded(name);
  return words.some((w) => n.includes(` ${w} `));
};

/**
 * The kind of request, from the words of the official name — the catalogue names the variant:
 * "đăng ký lại" (again), "cấp lại … bị mất" (lost), "cấp đổi", "thay đổi", "cải chính", "sang
 * tên" (change), "xóa", "chấm dứt", "thu hồi" (end); anything else is a first request. The order
 * matters: "đăng ký lại" before "cấp lại", an end before a change ("chấm dứt … thay đổi").
 */
const ACTION_WORDS: readonly [string, readonly string[]][] = [
  ['again', ['dang ky lai']],
  ['lost', ['cap lai', 'bi mat']],
  ['end', ['xoa', 'cham dut', 'thu hoi', 'tam ngung', 'dung thuc hien', 'thoi quoc tich', 'huy']],
  ['change', ['cap doi', 'doi ten', 'doi chung nhan', 'doi giay', 'doi the', 'thay doi', 'cai chinh', 'dieu chinh', 'dinh chinh', 'sang ten', 'bien dong', 'gia han', 'chuyen muc dich', 'chuyen hinh thuc', 'chuyen quyen', 'chuyen doi', 'tach thua', 'hop thua', 'sua chua', 'cai tao', 'cap nhat', 'bo sung thong tin', 'hieu dinh', 'chuyen nhuong']],
];
/**
 * A name states its kind of request early («Cấp lại…», «Cấp chứng nhận đăng ký xe … trong trường
 * hợp thay đổi chủ xe»); words far down a long name describe cases, not the request («Đăng ký
 * mua, thuê mua nhà ở xã hội, … tự xây dựng hoặc cải tạo, sửa chữa nhà ở» is no repair).
 */
const ACTION_HEAD = 14;
/** The kind of request a name (its head), or the whole of a citizen's words (`whole`), states. */
export function actionOf(name: string, whole = false): string {
  const words = foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w, i) => i > 1 || (w !== 'thu' && w !== 'tuc'));
  const head = (whole ? words : words.slice(0, ACTION_HEAD)).join(' ');
  return ACTION_WORDS.find(([, words]) => has(head, words))?.[0] ?? 'first';
}

/** A foreign element, and the border area's own variant of it (Lào Cai borders China). */
export function foreignOf(name: string): string {
  if (has(name, ['bien gioi', 'lang gieng'])) return 'border';
  if (has(name, ['nuoc ngoai', 'nguoi nuoc ngoai'])) return 'foreign';
  return 'none';
}

/** A question from its options written `{ id: label }`, in the order they are offered. */
const facet = (id: string, text: string, weight: number, valuesOf: Facet['valuesOf'], options: Record<string, string>): Facet => ({
  id,
  text,
  weight,
  options: Object.entries(options).map(([option, label]) => ({ id: option, label })),
  valuesOf,
});

export const FACETS: readonly Facet[] = [
  facet('foreign', 'Việc này có liên quan đến người nước ngoài không?', 1, (c) => [foreignOf(c.name)], {
    none: 'Không, chỉ người Việt Nam',
    border: 'Có, người nước láng giềng ở khu vực biên giới',
    foreign: 'Có, người nước ngoài',
  }),
  facet('action', 'Ông/Bà làm việc này lần đầu, hay làm lại, xin cấp lại, thay đổi?', 1, (c) => [actionOf(c.name)], {
    first: 'Làm lần đầu',
    again: 'Đăng ký lại việc đã đăng ký trước đây',
    lost: 'Xin cấp lại vì bị mất, bị hỏng',
    change: 'Đổi, thay đổi, sửa thông tin, gia hạn',
    end: 'Chấm dứt, tạm ngừng, xóa',
  }),
  facet('audience', 'Ai là người đề nghị?', 1, (c) => c.audience, {
    citizen: 'Cá nhân, hộ gia đình',
    organisation: 'Doanh nghiệp, hợp tác xã, tổ chức',
  }),
  facet('level', 'Ông/Bà muốn làm ở đâu?', 0.5, (c) => [c.level], {
    commune: 'Tại xã, phường nơi cư trú',
    province: 'Tại cơ quan cấp tỉnh',
  }),
];

/** The option every question has: the citizen does not know, and nothing is ruled out. */
export const DONT_KNOW = { id: 'any', label: 'Không rõ, bỏ qua câu này' } as const;

export const facetById = (id: string) => FACETS.find((f) => f.id === id);
