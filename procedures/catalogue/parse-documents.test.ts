import { describe, expect, it } from 'vitest';
import { parseDocuments } from './parse-documents';

const TABLE = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

describe('parseDocuments', () => {
  it('splits rows on the glued quantity column and keeps originals and copies', () => {
    const docs = parseDocuments(`--${TABLE}Dự thảo Điều lệ của công ty luật1 bản chínhGiấy tờ chứng minh về trụ sở.0 bản chính,1 bản saoGiấy đề nghị đăng ký hoạt độngMẫu TP-LS-02.docx1 bản chính`);
    expect(docs).toEqual([
      { name: 'Dự thảo Điều lệ của công ty luật', originals: 1, copies: 0, hasForm: false },
      { name: 'Giấy tờ chứng minh về trụ sở', originals: 0, copies: 1, hasForm: false },
      { name: 'Giấy đề nghị đăng ký hoạt động', originals: 1, copies: 0, hasForm: true },
    ]);
  });

  it('does not split on quantities inside a name or on a year before the quantity', () => {
    const docs = parseDocuments(`--${TABLE}Hợp đồng thế chấp (01 bản chính hoặc 01 bản sao có chứng thực).1 bản chính,1 bản saoVăn bản theo Nghị định số 56/2023/NĐ-CP ngày 24/07/20231 bản chínhb) Đơn đề nghị1 bản chính`);
    expect(docs.map((d) => [d.originals, d.copies])).toEqual([[1, 1], [1, 0], [1, 0]]);
    expect(docs[1]!.name).toBe('Văn bản theo Nghị định số 56/2023/NĐ-CP ngày 24/07/2023');
    expect(docs[2]!.name).toBe('Đơn đề nghị');
  });

  it('leaves out headings, rows without a quantity and note tables', () => {
    const docs = parseDocuments(`* Giấy tờ phải nộp:${TABLE}- Trường hợp thuê nhà ở xã hội:1 bản chính,1 bản sao+ Đơn đăng ký thuê nhà ở xã hội1 bản chính- Chứng cứ gồm:0 bản chính* Lưu ý:${TABLE}- Cá nhân có quyền lựa chọn nơi đăng ký.1 bản chính`);
    expect(docs.map((d) => d.name)).toEqual(['Đơn đăng ký thuê nhà ở xã hội']);
  });

  it('keeps a name to its first sentence, not the explanation after it', () => {
    const [doc] = parseDocuments(`--${TABLE}Sơ yếu lý lịch và Phiếu lý lịch tư pháp. Trường hợp người được đề nghị đang là công chức thì không cần.1 bản chính`);
    expect(doc!.name).toBe('Sơ yếu lý lịch và Phiếu lý lịch tư pháp');
  });
});
