import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildVietQr,
  crc16ccitt,
  DESCRIPTION_MAX,
  foldToAscii,
  parseEmv,
  readVietQr,
  verifyEmvCrc,
  type VietQrInput,
} from './vietqr.js';

// Issued by a live payment gateway (payOS) for a 7,000 VND transfer; found in public code.
const GATEWAY_QR =
  '00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA' +
  '5303704540470005802VN62120808TL89 1006304E346';

describe('crc16ccitt', () => {
  it('gives the CRC-16/CCITT-FALSE check value 0x29B1 for "123456789"', () => {
    expect(crc16ccitt('123456789')).toBe(0x29b1);
  });
});

describe('a VietQR issued by a payment gateway', () => {
  it('verifies and parses to its transfer', () => {
    expect(verifyEmvCrc(GATEWAY_QR)).toBe(true);
    expect(parseEmv(GATEWAY_QR)).toEqual({
      '00': '01',
      '01': '12',
      '38': { '00': 'A000000727', '01': { '00': '970422', '01': 'VQRQADAIJ5512' }, '02': 'QRIBFTTA' },
      '53': '704',
      '54': '7000',
      '58': 'VN',
      '62': { '08': 'TL89 100' },
      '63': 'E346',
    });
  });

  it('is what buildVietQr produces for the same transfer, byte for byte', () => {
    const input = { bankBin: '970422', accountNumber: 'VQRQADAIJ5512', amount: 7000, description: 'TL89 100' };
    expect(buildVietQr(input)).toBe(GATEWAY_QR);
  });
});

describe('buildVietQr', () => {
  it('folds Vietnamese transfer content to ASCII and cuts it to 25 characters', () => {
    const qr = buildVietQr({
      bankBin: '970415',
      accountNumber: '113366668888',
      amount: 50_000,
      description: 'Lệ phí hồ sơ H38-250701-0001 Đăng ký',
      merchantName: 'Trung tâm Phục vụ hành chính công',
    });
    expect(readVietQr(qr)).toEqual({
      bankBin: '970415',
      accountNumber: '113366668888',
      amount: 50_000,
      description: 'Le phi ho so H38-250701-0',
      merchantName: 'Trung tam Phuc vu hanh ch',
    });
  });

  it('refuses inputs a bank would reject', () => {
    const ok = { bankBin: '970415', accountNumber: '123', amount: 1000, description: 'x' };
    expect(() => buildVietQr({ ...ok, bankBin: '97041' })).toThrow(RangeError);
    expect(() => buildVietQr({ ...ok, accountNumber: '12 3' })).toThrow(RangeError);
    expect(() => buildVietQr({ ...ok, amount: 0 })).toThrow(RangeError);
    expect(() => buildVietQr({ ...ok, amount: 10.5 })).toThrow(RangeError);
  });
});

const vietnameseChar = fc.constantFrom(
  ...'aàáạảãăằắặẳẵâầấậẩẫeèéẹẻẽêềếệểễoòóọỏõôồốộổỗơờớợởỡuưừứựửữiìíịỉĩyỳýỵđĐƯƠ HX0123456789-.!/'.split(''),
);
const transfer: fc.Arbitrary<VietQrInput> = fc.record(
  {
    bankBin: fc.stringMatching(/^\d{6}$/),
    accountNumber: fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
    amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    description: fc.oneof(fc.string({ unit: vietnameseChar, maxLength: 60 }), fc.string({ unit: 'grapheme' })),
    merchantName: fc.string({ unit: vietnameseChar, maxLength: 40 }),
  },
  { requiredKeys: ['bankBin', 'accountNumber', 'amount', 'description'] },
);

describe('VietQR properties', () => {
  it('round-trips bank, account, amount and folded description, with a valid CRC', () => {
    fc.assert(
      fc.property(transfer, (input) => {
        const qr = buildVietQr(input);
        expect(verifyEmvCrc(qr)).toBe(true);
        expect(qr).toMatch(/^[\x20-\x7e]+$/);
        const back = readVietQr(qr);
        expect(back.bankBin).toBe(input.bankBin);
        expect(back.accountNumber).toBe(input.accountNumber);
        expect(back.amount).toBe(input.amount);
        expect(back.description).toBe(foldToAscii(input.description, DESCRIPTION_MAX));
        expect(back.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      }),
    );
  });

  it('fails the CRC when any one character is changed', () => {
    const tampered = transfer.chain((input) => {
      const qr = buildVietQr(input);
      return fc.tuple(
        fc.constant(qr),
        fc.nat({ max: qr.length - 1 }),
        fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      );
    });
    fc.assert(
      fc.property(tampered, ([qr, at, ch]) => {
        fc.pre(qr[at] !== ch);
        expect(verifyEmvCrc(qr.slice(0, at) + ch + qr.slice(at + 1))).toBe(false);
      }),
    );
  });
});
