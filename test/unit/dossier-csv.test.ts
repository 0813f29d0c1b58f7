import { describe, expect, it } from 'vitest';
import { csvFileName, dossierCsv } from '../../admin-ui/src/dossiers/dossier-csv';
import type { Dossier } from '../../admin-ui/src/types';

const dossier = (over: Partial<Dossier>): Dossier =>
  ({
    code: '02647-261201-0001',
    procedureCode: '1.001193',
    procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    status: 'IN_REVIEW',
    channel: 'online',
    applicant: { fullName: 'Lò Văn Pả', idNumber: null, phone: null, email: null, address: null },
    receivingAgencyCode: '02683',
    agencyCode: 'H38.STP',
    assigneeId: 'u-stp.specialist',
    receivedAt: '2026-12-01T01:05:00.000Z',
    dueAt: '2026-12-03T10:00:00.000Z',
    finishedAt: null,
    overdue: false,
    ...over,
  }) as Dossier;

const names = {
  agencies: { '02683': { name: 'Xã Bát Xát' }, 'H38.STP': { name: 'Sở Tư pháp' } },
  users: { 'u-stp.specialist': { fullName: 'Hoàng Thị Hoa' } },
};

describe('the dossier list as a Vietnamese CSV', () => {
  it('has Vietnamese headers, labels for codes, names for agencies and people, and times in Vietnam', () => {
    const [header, row] = dossierCsv([dossier({})], names).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Mã hồ sơ,Mã thủ tục,Thủ tục,Trạng thái,Kênh nộp,Người nộp,Nơi tiếp nhận,Cơ quan đang xử lý,Người xử lý,Ngày tiếp nhận,Hẹn trả,Quá hạn,Ngày kết thúc');
    // 01:05 UTC is 08:05 in Hà Nội; 10:00 UTC on the 3rd is 17:00 the same day.
    expect(row).toBe('02647-261201-0001,1.001193,Đăng ký khai sinh,Đang thẩm định,Trực tuyến,Lò Văn Pả,Xã Bát Xát,Sở Tư pháp,Hoàng Thị Hoa,01/12/2026 08:05,03/12/2026 17:00,Không,');
  });

  it('starts with a BOM so a spreadsheet reads the diacritics as UTF-8', () => {
    expect(dossierCsv([], names).charCodeAt(0)).toBe(0xfeff);
  });

  it('defuses a formula in any cell and says yes for an overdue dossier', () => {
    const [, row] = dossierCsv([dossier({ applicant: { fullName: '=HYPERLINK("http://x","bấm")' } as Dossier['applicant'], overdue: true, assigneeId: null, status: 'CANCELLED', channel: 'counter' })], names).split('\r\n');
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""bấm"")",`);
    expect(row).toContain(',Đã hủy,Tại quầy,');
    expect(row).toMatch(/,Sở Tư pháp,,01\/12\/2026 08:05,.*,Có,$/);
  });

  it('falls back to the code when an agency is unknown, never to a blank', () => {
    const [, row] = dossierCsv([dossier({ agencyCode: '99999' })], { agencies: {}, users: {} }).split('\r\n');
    expect(row).toContain(',02683,99999,,');
  });

  it('names the file after the day in Vietnam, not in UTC', () => {
    // 20:00 UTC on 30 November is already 1 December in Hà Nội.
    expect(csvFileName(new Date('2026-11-30T20:00:00Z'))).toBe('ho-so-2026-12-01');
  });
});
