import { describe, expect, it } from 'vitest';
import { parseAgency, parseLegalBases, parseLevels, parseResults, parseSubjects } from './parse-facts';

describe('catalogue facts', () => {
  it('normalizes levels and rejects an unknown one', () => {
    expect(parseLevels('Cấp bộ, Cấp tỉnh, Cấp xã')).toEqual(['commune', 'province', 'ministry']);
    expect(parseLevels('Cấp xã, Cơ quan khác')).toEqual(['commune', 'other']);
    expect(() => parseLevels('Cấp huyện')).toThrow(/unknown level/);
  });

  it('matches subject labels that contain commas and derives the audience', () => {
    expect(parseSubjects('Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức')).toEqual({
      subjects: ['civil-servant', 'organisation'],
      audience: ['citizen', 'organisation'],
    });
    expect(parseSubjects('Doanh nghiệp, Doanh nghiệp có vốn đầu tư nước ngoài').audience).toEqual(['organisation']);
    expect(() => parseSubjects('Công dân Việt Nam, Người ngoài hành tinh')).toThrow(/unknown subject/);
  });

  it('extracts legal numbers from the glued table, once each', () => {
    const raw = 'Tên văn bản pháp lýMã văn bảnNghị định 42/2020/NĐ-CP42/2020/NĐ-CPLuật 60/2014/QH1360/2014/QH13Quyết định 27/2016/QĐ-TTg105/2025/NĐ- CPThông tư 01/2022/TT-BTP';
    expect(parseLegalBases(raw)).toEqual(['42/2020/NĐ-CP', '60/2014/QH13', '27/2016/QĐ-TTg', '105/2025/NĐ-CP', '01/2022/TT-BTP']);
  });

  it('splits results on their codes and drops the page chrome after them', () => {
    expect(parseResults('Trích lục đăng ký nhận cha, mẹ, conMã: KQ.G15.000033Văn bản từ chốiMã: KQ.G12.001161Từ khóaKhông có thông tinMô tả')).toEqual([
      { name: 'Trích lục đăng ký nhận cha, mẹ, con', code: 'KQ.G15.000033' },
      { name: 'Văn bản từ chối', code: 'KQ.G12.001161' },
    ]);
    expect(parseResults('Không có thông tin')).toEqual([]);
    expect(parseResults('- Trường hợp hồ sơ hợp lệ: Bước 1: Thông báo việc giải thểMã: KQ.G12.000001')).toEqual([{ name: 'Trường hợp hồ sơ hợp lệ', code: 'KQ.G12.000001' }]);
  });

  it('cleans agency names and treats "no information" as none', () => {
    expect(parseAgency('Ủy ban Nhân dân\u00a0xã,\u00a0phường,\u00a0thị trấn.')).toBe('Ủy ban Nhân dân xã, phường, thị trấn');
    expect(parseAgency('Không có thông tin')).toBeNull();
    expect(parseAgency(undefined)).toBeNull();
    expect(parseAgency('chứng thực tiến hành chụp từ bản chính giao dịch')).toBeNull();
  });
});
