import { GuideSheet } from './GuideSheet';
import { kioskQuery } from './kiosk';
import { IssuerButton } from './SignIn';

/**
 * «Nộp hồ sơ trực tuyến» at a kiosk: no username and password on a shared screen (an elderly
 * visitor has neither at hand, and a shared screen is the wrong place to type them). The kiosk
 * prints the checklist and says how to file instead: from one's own phone by the sheet's QR, or at
 * the desk, where the officer enters the dossier — or sign in through the identity issuer right
 * here (no password of motcua's), which brings the citizen back to this procedure's form.
 */
export function KioskFiling({ code }: { code: string }) {
  return (
    <>
      <section className="panel kiosk-filing" aria-labelledby="kiosk-filing-title">
        <h2 id="kiosk-filing-title">Nộp hồ sơ: máy này không hỏi mật khẩu</h2>
        <p>Ông/Bà bấm «In phiếu hướng dẫn» ở cuối trang để lấy danh sách giấy tờ cần chuẩn bị, rồi chọn một trong hai cách nộp:</p>
        <ol>
          <li>
            <strong>Trên điện thoại của mình:</strong> mở camera, quét mã QR trên phiếu, đăng nhập tài khoản của Ông/Bà, điền tờ khai, chụp ảnh giấy tờ và gửi.
          </li>
          {/* Only on the screen: the printed checklist is for filing elsewhere. */}
          <li className="no-print">
            <strong>Ngay tại máy này:</strong> đăng nhập bằng định danh điện tử rồi điền tờ khai; khi xong, bấm «Đăng xuất» hoặc để máy tự xóa phiên.{' '}
            <IssuerButton returnTo={`/nop-ho-so/${code}?${kioskQuery()}`} />
          </li>
          <li>
            <strong>Tại quầy Một cửa:</strong> mang phiếu và giấy tờ đến quầy; cán bộ tiếp nhận và nhập hồ sơ giúp Ông/Bà, không cần tài khoản.
          </li>
        </ol>
      </section>
      <GuideSheet code={code} />
    </>
  );
}
