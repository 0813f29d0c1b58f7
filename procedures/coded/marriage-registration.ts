import { z } from 'zod';
import type { Label } from '../../domain/procedure-rules';
import { approve, defineProcedure, deliver, receive, review, verify } from '../../domain/procedure';
import { CIVIL_STATUS, SAME_DAY, declaration } from './civil-status';
import { address, applicantIdNumber, isoDate, personName } from './form-fields';

/**
 * The same four facts of each partner, asked the same way of both sides: name, date of birth,
 * personal ID number (checked again at the hand-over, api/delivery-presence.ts), residence.
 */
function partner<P extends 'groom' | 'bride'>(p: P, side: { vi: string; en: string }) {
  const key = <F extends string>(f: F) => `${p}${f}` as `${P}${F}`;
  const fields = { [key('Name')]: personName, [key('BirthDate')]: isoDate, [key('IdNumber')]: applicantIdNumber, [key('Residence')]: address } as {
    [K in `${P}Name`]: typeof personName;
  } & { [K in `${P}BirthDate`]: typeof isoDate } & { [K in `${P}IdNumber`]: typeof applicantIdNumber } & { [K in `${P}Residence`]: typeof address };
  const labels = {
    [key('Name')]: { vi: `Họ, chữ đệm và tên bên ${side.vi}`, en: `${side.en}'s full name` },
    [key('BirthDate')]: { vi: `Ngày, tháng, năm sinh bên ${side.vi}`, en: `${side.en}'s date of birth` },
    [key('IdNumber')]: { vi: `Số định danh cá nhân bên ${side.vi}`, en: `${side.en}'s personal ID number` },
    [key('Residence')]: { vi: `Nơi cư trú bên ${side.vi}`, en: `${side.en}'s place of residence` },
  } as Record<keyof typeof fields, Label>;
  return { fields, labels };
}
const GROOM = partner('groom', { vi: 'nam', en: 'Groom' });
const BRIDE = partner('bride', { vi: 'nữ', en: 'Bride' });

/**
 * Đăng ký kết hôn — 1.000894 (QĐ 163/QĐ-BTP; Luật Hộ tịch 2014 art. 17–18; NĐ 120/2025, TT 08/2025/TT-BTP).
 * Commune level: the commune one-stop centre receives, the civil-status officer checks, a commune
 * People's Committee leader signs. Deadline 1 working day as the page shows ("1"); an older copy of
 * the page (reference [fs:1231936401]) allows up to 5 working days when the marriage conditions need
 * checking (Luật Hộ tịch 2014 art. 18(2)) — since version 2 the `verify` stage: the specialist
 * records the verification and the deadline grows by up to 5 working days, lawfully, with no
 * apology (version 1 left it to `extend`; its dossiers keep that).
 * Free: the page says "Miễn lệ phí"; a copy of the marriage extract, if asked for, is charged under
 * TT 281/2016/TT-BTC and is not modelled.
 * Not full-process online: the page lets the couple file online, but both partners must appear in
 * person to sign the register and the certificate.
 * Since version 3 the result is `in-person-both-spouses`: the certificate is handed to both spouses
 * at the desk: both must be present, and both sign the register and the certificate there (Luật Hộ
 * tịch 2014 art. 18(1)–(2); the page's result is the paper "Giấy chứng nhận kết hôn", and Decree
 * 123/2015, among its legal bases, details the procedure), never "delivered online"; the desk
 * records each spouse's name and personal ID number as checked against the dossier's form
 * (api/delivery-presence.ts). Version 2 dossiers keep their rules (any delivery).
 * Since version 4 the deadline is the same day (`same-day`; received from 15:00 on, the next
 * working day), as the law says: "Ngay sau khi nhận đủ giấy tờ …, nếu thấy đủ điều kiện kết hôn
 * …, công chức tư pháp - hộ tịch ghi việc kết hôn vào Sổ hộ tịch" (Luật Hộ tịch 2014 art. 18(2));
 * the verification's +5 working days and the hand-over to both spouses stay. The catalogue crawl we
 * ship (procedures/catalogue/catalogue.jsonl) shows "1" without a unit for the counter, online and
 * by post alike, so no channel has a time of its own; versions 1–3 read it as 8 working hours from
 * the minute of reception, and their dossiers keep it.
 */
export const marriageRegistration = defineProcedure({
  code: '1.000894',
  version: 4,
  name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  ...CIVIL_STATUS,
  deadline: SAME_DAY,
  fullProcessOnline: false,
  form: z.object({ ...GROOM.fields, ...BRIDE.fields, firstMarriageForBoth: z.boolean() }),
  formLabels: {
    ...GROOM.labels,
    ...BRIDE.labels,
    firstMarriageForBoth: { vi: 'Cả hai bên kết hôn lần đầu', en: 'First marriage for both partners' },
  },
  example: {
    groomName: 'Vàng A Páo',
    groomBirthDate: '1999-03-14',
    groomIdNumber: '010099001234',
    groomResidence: 'Thôn Tả Van Giáy, xã Tả Van, tỉnh Lào Cai',
    brideName: 'Giàng Thị Dung',
    brideBirthDate: '2001-08-02',
    brideIdNumber: '010301005678',
    brideResidence: 'Thôn Lao Chải, xã Tả Van, tỉnh Lào Cai',
    firstMarriageForBoth: true,
  },
  requiredDocuments: [
    declaration('đăng ký kết hôn', 'Marriage registration'),
    {
      vi: 'Giấy tờ tùy thân của hai bên (hoặc số định danh cá nhân để tra cứu)',
      en: "Both partners' ID papers (or personal ID numbers for a database look-up)",
    },
    {
      vi: 'Giấy tờ chứng minh nơi cư trú (chỉ khi không tra cứu được trên Cơ sở dữ liệu quốc gia về dân cư)',
      en: 'Proof of residence, only if the national population database lacks it',
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), verify({ maxExtraDays: 5 }), approve(), deliver({ result: 'in-person-both-spouses' })],
  keywords: ['kết hôn', 'đăng ký kết hôn', 'giấy đăng ký kết hôn', 'giấy chứng nhận kết hôn', 'làm giấy kết hôn', 'cưới', 'lấy vợ', 'lấy chồng', 'marriage'],
  source: 'DVCQG page 1.000894 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-tu-phap/1.000894.json)',
});
