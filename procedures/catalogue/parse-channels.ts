import { parseDeadline } from './parse-deadline';
import { parseFee, splitFee } from './parse-fee';
import { clean } from './text';
import type { Channel, ChannelTerms } from './types';

const LABELS: Record<string, Channel> = { 'Trực tiếp': 'counter', 'Trực tuyến': 'online', 'Dịch vụ bưu chính': 'post' };
const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
/**
 * A row starts with a channel label glued to the time or fee column; the same words inside a
 * description ("Trực tuyến: nộp hồ sơ…", "Trực tuyến qua Cổng…") are not followed by either.
 */
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không có thông tin|Miễn phí|[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|Đồng|USD)|(?:Không phải trả kết quả cho người nộp thuế|Không quy định|Không) ?(?:Miễn phí|Không có thông tin)|$)/g;

function parseRow(row: string): ChannelTerms {
  const { deadline, rest, ambiguous } = parseDeadline(row);
  if (ambiguous) return { deadline, fee: { kind: 'unparsed' } };
  const { head, note, rest: description } = splitFee(rest);
  return { deadline, fee: parseFee(head, note, description) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Parses `cach_thuc_thuc_hien` (the flattened table "channel, time, fee, description") into the
 * deadline and fee per channel. Several rows for one channel are steps or cases whose times may
 * add up or differ, so the deadline is `varies`; their fee counts only when the rows agree.
 */
export function parseChannels(raw: string): Partial<Record<Channel, ChannelTerms>> {
  const text = clean(raw).replace(HEADER, '');
  const starts = [...text.matchAll(ROW_START)];
  const rows = new Map<Channel, ChannelTerms[]>();
  starts.forEach((m, i) => {
    const channel = LABELS[m[1]!]!;
    const row = text.slice(m.index + m[0].length, starts[i + 1]?.index ?? text.length);
    rows.set(channel, [...(rows.get(channel) ?? []), parseRow(row)]);
  });
  const out: Partial<Record<Channel, ChannelTerms>> = {};
  for (const channel of ['counter', 'online', 'post'] as const) {
    const list = rows.get(channel);
    if (!list) continue;
    const [first, ...others] = list as [ChannelTerms, ...ChannelTerms[]];
    out[channel] = others.length === 0 ? first : {
      deadline: { amount: null, unit: null, marker: 'varies' },
      fee: others.every((r) => same(r.fee, first.fee)) ? first.fee : { kind: 'unparsed' },
    };
  }
  return out;
}
