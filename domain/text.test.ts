import { describe, expect, it } from 'vitest';
import { foldVietnamese, stripDiacritics } from './text';
import { buildVietQr } from './vietqr';

describe('the one Vietnamese diacritic folder', () => {
  it('strips tone and vowel marks and maps đ/Đ, keeping case and spacing', () => {
    expect(stripDiacritics('Đăng ký khai sinh  — Lò Văn Páo')).toBe('Dang ky khai sinh  — Lo Van Pao');
    expect(stripDiacritics('Nguyễn Thị Ệ'.normalize('NFD'))).toBe('Nguyen Thi E');
  });

  it('search keys are lower case with single spaces', () => {
    expect(foldVietnamese('  Đăng KÝ   khai sinh ')).toBe('dang ky khai sinh');
  });

  it('bank transfer content is folded to ASCII', () => {
    const qr = buildVietQr({ bankBin: '970415', accountNumber: '113366668888', amount: 8000, description: 'Lệ phí Đăng ký' });
    expect(qr).toContain('Le phi Dang ky');
  });
});
