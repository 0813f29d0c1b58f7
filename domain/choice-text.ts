/**
 * Display words for the values of the procedures' choice fields (their zod enums carry slugs
 * only): the portal's forms and the back office's view of a dossier's form both read them.
 */
export const CHOICE_TEXT: Record<string, string> = {
  nam: 'Nam', nu: 'Nữ',
  cha: 'Cha', me: 'Mẹ', 'ong-ba': 'Ông, bà', 'nguoi-than': 'Người thân khác', 'nguoi-duoc-uy-quyen': 'Người được ủy quyền',
  'vo-chong': 'Vợ, chồng', con: 'Con', 'cha-me': 'Cha, mẹ', 'anh-chi-em': 'Anh, chị, em', 'nguoi-than-khac': 'Người thân khác', 'co-quan-to-chuc': 'Cơ quan, tổ chức',
  'nha-so-huu': 'Nhà thuộc sở hữu của mình', 'o-nho-nguoi-than': 'Về ở với người thân', 'thue-muon-o-nho': 'Thuê, mượn, ở nhờ', 'co-so-tro-giup-xa-hoi': 'Cơ sở trợ giúp xã hội',
  'huong-moi': 'Hưởng mới', 'nhan-tai-noi-cu-tru-moi': 'Nhận tại nơi cư trú mới', 'thay-doi-thong-tin': 'Thay đổi thông tin', 'thoi-huong': 'Thôi hưởng',
  'binh-thuong': 'Không thuộc hộ nghèo, cận nghèo', 'ho-ngheo': 'Hộ nghèo', 'ho-can-ngheo': 'Hộ cận nghèo',
  'tien-mat': 'Tiền mặt', 'tai-khoan': 'Chuyển khoản ngân hàng',
  ONT: 'Đất ở tại nông thôn (ONT)', ODT: 'Đất ở tại đô thị (ODT)', CLN: 'Đất trồng cây lâu năm (CLN)', LUC: 'Đất chuyên trồng lúa (LUC)', BHK: 'Đất trồng cây hằng năm khác (BHK)', RSX: 'Đất rừng sản xuất (RSX)', NTS: 'Đất nuôi trồng thủy sản (NTS)',
  'co-giay-to-dieu-137': 'Có giấy tờ theo Điều 137 Luật Đất đai', 'khong-co-giay-to': 'Không có giấy tờ',
  'chua-ket-hon': 'Chưa kết hôn', 'dang-co-vo-chong': 'Đang có vợ/chồng', 'da-ly-hon': 'Đã ly hôn', 'vo-chong-da-chet': 'Vợ/chồng đã chết',
  'ket-hon': 'Để kết hôn', 'giao-dich-nha-dat': 'Giao dịch nhà đất', 'vay-von': 'Vay vốn', khac: 'Mục đích khác',
  // Exemptions from the residence registration fee (Circular 75/2022/TT-BTC art. 4).
  'tre-em': 'Trẻ em', 'nguoi-cao-tuoi': 'Người cao tuổi', 'nguoi-khuyet-tat': 'Người khuyết tật',
  'nguoi-co-cong': 'Người có công với cách mạng, thân nhân người có công',
  'dtts-xa-dbkk': 'Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn',
  'xa-bien-gioi': 'Thường trú tại xã biên giới', 'huyen-dao': 'Thường trú tại huyện đảo',
  'mo-coi-16-18': 'Từ đủ 16 đến dưới 18 tuổi, mồ côi cả cha và mẹ',
  'chuyen-nhuong': 'Chuyển nhượng', 'tang-cho': 'Tặng cho', 'thua-ke': 'Thừa kế', 'chuyen-doi': 'Chuyển đổi', 'gop-von': 'Góp vốn',
};
