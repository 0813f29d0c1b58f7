import { describe, expect, it } from 'vitest';
import { parseChannels } from './parse-channels';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('parseChannels', () => {
  it('reads the time and fee of each channel from the flattened table', () => {
    const c = parseChannels(`${HEADER}Trực tuyến5 Ngày làm việc2,000,000 Việt Nam Đồng(Phí: 2.000.000 đồng/01 đơn hàng)Dịch vụ bưu chính15 NgàyMiễn phíTrực tiếp8 GiờKhông có thông tin`);
    expect(c.online).toEqual({ deadline: { amount: 5, unit: 'working-days' }, fee: { kind: 'per-unit', vnd: 2_000_000, unit: 'đơn hàng' } });
    expect(c.post).toEqual({ deadline: { amount: 15, unit: 'days' }, fee: { kind: 'free' } });
    expect(c.counter).toEqual({ deadline: { amount: 8, unit: 'hours' }, fee: { kind: 'not-stated' } });
  });

  it('keeps a bare number without inventing its unit, and ignores channel words inside descriptions', () => {
    const c = parseChannels(`${HEADER}Trực tiếp7Miễn phíTrực tiếp: nộp hồ sơ tại Ủy ban nhân dân cấp xã, Trực tuyến qua Cổng dịch vụ công`);
    expect(c).toEqual({ counter: { deadline: { amount: 7, unit: null, marker: 'unit-not-stated' }, fee: { kind: 'free' } } });
  });

  it('reads a time column that says there is none as not stated', () => {
    const c = parseChannels(`${HEADER}Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíBằng phương thức điện tửTrực tiếpKhông quy địnhMiễn phíTại TTPVHCCDịch vụ bưu chínhKhôngKhông có thông tinQua bưu chính`);
    expect(c.online).toEqual({ deadline: { amount: null, unit: null, marker: 'not-stated' }, fee: { kind: 'free' } });
    expect(c.counter).toEqual({ deadline: { amount: null, unit: null, marker: 'not-stated' }, fee: { kind: 'free' } });
    expect(c.post).toEqual({ deadline: { amount: null, unit: null, marker: 'not-stated' }, fee: { kind: 'not-stated' } });
  });

  it('reads the portal\'s "0" placeholder as no deadline', () => {
    expect(parseChannels(`${HEADER}Trực tiếp0Không có thông tinỦy ban nhân dân cấp tỉnh quy định chi tiết`).counter?.deadline).toEqual({ amount: null, unit: null, marker: 'not-stated' });
  });

  it('marks a channel with several rows (steps or cases) as varies rather than picking one', () => {
    const c = parseChannels(`${HEADER}Trực tiếp2 Ngày làm việcMiễn phíTiếp nhậnTrực tiếp5 Ngày làm việcMiễn phíThẩm định`);
    expect(c.counter).toEqual({ deadline: { amount: null, unit: null, marker: 'varies' }, fee: { kind: 'free' } });
  });

  it('leaves a time glued to a sum ("120 VNĐ") unparsed instead of guessing the split', () => {
    expect(parseChannels(`${HEADER}Trực tuyến120 VNĐ`).online).toEqual({ deadline: { amount: null, unit: null, marker: 'unparsed' }, fee: { kind: 'unparsed' } });
  });

  it('knows fees set by the province, also when only the row text says so', () => {
    const c = parseChannels(`${HEADER}Trực tuyến5Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)Trực tiếp3 Ngày làm việcKhông có thông tinPhí, lệ phí (nếu có): Hội đồng nhân dân cấp tỉnh quyết định.`);
    expect(c.online?.fee).toEqual({ kind: 'council' });
    expect(c.counter?.fee).toEqual({ kind: 'council' });
  });

  it('does not read a fee the note contradicts or a foreign currency', () => {
    const c = parseChannels(`${HEADER}Trực tuyến40 Ngày làm việc20,000,000 Việt Nam Đồng((áp dụng mức phí 10.000.000 đồng/hồ sơ đến hết ngày 31/12/2026))Trực tiếp5 Ngày làm việc10 USD(10 USD/lần)`);
    expect(c.online?.fee).toEqual({ kind: 'unparsed' });
    expect(c.counter?.fee).toEqual({ kind: 'unparsed' });
  });
});
