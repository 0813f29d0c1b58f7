import { describe, expect, it } from 'vitest';
import { nameForType, withoutBidi } from './upload-names';

describe('upload names', () => {
  it('take the extension of the sniffed type', () => {
    expect(nameForType('scan.exe', 'application/pdf')).toBe('scan.pdf');
    expect(nameForType('anh.png', 'image/jpeg')).toBe('anh.jpg');
    expect(nameForType('anh.JPEG', 'image/jpeg')).toBe('anh.JPEG');
    expect(nameForType('Giấy khai sinh', 'application/pdf')).toBe('Giấy khai sinh.pdf');
    expect(nameForType('v1.2 hợp đồng', 'image/png')).toBe('v1.2 hợp đồng.png');
    expect(nameForType('.pdf', 'image/png')).toBe('.pdf.png');
  });

  it('lose their bidirectional controls', () => {
    expect(withoutBidi('hoá-đơn\u202Efdp.exe')).toBe('hoá-đơnfdp.exe');
    expect(withoutBidi('a\u2066b\u2069\u200Fc')).toBe('abc');
  });
});
