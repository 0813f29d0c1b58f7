import { describe, expect, it } from 'vitest';
import { getProcedure } from '../../procedures';
import { guideText } from './guide-text';
import { statusText } from './status-text';

describe('the texts read aloud', () => {
  it('reads a guidance sheet: name, documents, fee in plain digits, deadline, where to go', () => {
    const text = guideText(getProcedure('1.014064')!);
    expect(text).toMatch(/^Thủ tục: Cấp lại thẻ căn cước\./);
    expect(text).toContain('Giấy tờ cần chuẩn bị: 1. ');
    expect(text).toContain('Phí, lệ phí: miễn phí.');
    expect(text).toContain('Thời hạn giải quyết: 7 ngày làm việc');
    expect(text).toContain('Bộ phận Một cửa');
    const paid = guideText({ ...getProcedure('1.001193')!, fee: { counter: 50000 } });
    expect(paid).toContain('50000 đồng');
  });

  it('cuts a long document list and says how many more are on the printed sheet', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ vi: `Giấy ${i}`, en: '' }));
    const text = guideText({ ...getProcedure('1.001193')!, requiredDocuments: many });
    expect(text).toContain('12. Giấy 11.');
    expect(text).not.toContain('Giấy 12.');
    expect(text).toContain('Và 3 giấy tờ khác');
  });

  it('reads a status without anything personal, the appointment as a Vietnam calendar date', () => {
    const text = statusText({ procedureName: 'Đăng ký khai sinh', status: 'NEEDS_SUPPLEMENT', nextStep: 'Ông/Bà cần bổ sung.', dueAt: new Date('2026-03-04T17:30:00Z'), missing: ['Giấy chứng sinh'] });
    expect(text).toContain('Tình trạng: Cần bổ sung hồ sơ.');
    expect(text).toContain('Giấy tờ cần bổ sung: 1. Giấy chứng sinh.');
    expect(text).toContain('ngày 5 tháng 3 năm 2026');
  });
});
