import { describe, expect, it } from 'vitest';
import { extractText } from '../../test/support/pdf-text';
import { renderConsentForm } from './consent-form';

const flat = (s: string) => s.replace(/\s+/g, '');

describe('the consent form a citizen signs for assisted filing', () => {
  it('names the citizen, the helper, their team and the procedure, in Vietnamese', async () => {
    const pdf = await renderConsentForm(
      {
        helperName: 'Thào Thị Mỷ',
        communeName: 'xã Bát Xát',
        agencyName: 'Ủy ban nhân dân xã Bát Xát',
        citizen: { fullName: 'Giàng Thị Sua', idNumber: '010203334455', phone: '0913334455' },
        procedureName: 'Đăng ký khai sinh',
        issuedAt: '2026-12-01T03:00:00Z',
      },
      { compress: false },
    );
    const text = flat(extractText(pdf.toString('latin1')));
    for (const line of [
      'GIẤY ĐỒNG Ý NỘP HỒ SƠ VỚI SỰ HỖ TRỢ',
      'Họ và tên: Giàng Thị Sua',
      'Số định danh cá nhân: 010203334455',
      'Tôi đồng ý để ông/bà Thào Thị Mỷ, thành viên Tổ công nghệ số cộng đồng xã Bát Xát',
      '"Đăng ký khai sinh"',
      'NGƯỜI ĐỒNG Ý',
    ]) {
      expect(text).toContain(flat(line));
    }
  });

  it('prints blank lines to fill in by hand when the details are not known', async () => {
    const pdf = await renderConsentForm({ helperName: 'Thào Thị Mỷ', communeName: 'xã Bát Xát', agencyName: 'Ủy ban nhân dân xã Bát Xát', issuedAt: '2026-12-01T03:00:00Z' }, { compress: false });
    expect(flat(extractText(pdf.toString('latin1')))).toContain(flat('Họ và tên: ……'));
  });
});
