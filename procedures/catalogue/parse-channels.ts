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
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không có thông tin|Miễn phí|[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|Đồng|USD)|$)/g;

/**
 * Parses `cach_thuc_thuc_hien` (the flattened table "channel, time, fee, description") into the
 * deadline and fee per channel. When a channel has several rows (per case), the first row counts.
 */
export function parseChannels(raw: string): Partial<Record<Channel, ChannelTerms>> {
  const text = clean(raw).replace(HEADER, '');
  const starts = [...text.matchAll(ROW_START)];
  const out: Partial<Record<Channel, ChannelTerms>> = {};
  starts.forEach((m, i) => {
    const channel = LABELS[m[1]!]!;
    if (out[channel]) return;
    const row = text.slice(m.index + m[0].length, starts[i + 1]?.index ?? text.length);
    const { deadline, rest } = parseDeadline(row);
    const { head, note } = splitFee(rest);
    out[channel] = { deadline, fee: parseFee(head, note) };
  });
  return out;
}
