import { useEffect, useState } from 'react';
import { api, guideAudioUrl, type Procedure } from './api';
import { ListenButton } from './ListenButton';
import { isKiosk, useIdlePause } from './kiosk';
import { href, onLinkClick } from './router';
import { deadlineText, LEVEL_TEXT, money, RESULT_TEXT, resultKindOf } from './text';

/** The printable guidance sheet: checklist, fee, where and how to submit, a QR to the online form. */
export function GuideSheet({ code }: { code: string }) {
  const [p, setP] = useState<Procedure | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState('');
  const formUrl = `${location.origin}/nop-ho-so/${code}`;
  // Reading or printing the sheet at a kiosk is not idling.
  useIdlePause();

  useEffect(() => {
    api.procedure(code).then(setP, (e: Error) => setError(e.message));
    // The QR encoder is loaded only here, so the first page stays light.
    import('qrcode').then((QR) => QR.toDataURL(formUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' })).then(setQr, () => setQr(''));
  }, [code, formUrl]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!p) return <p role="status">Đang tải…</p>;
  return (
    <article className="sheet" aria-labelledby="sheet-title">
      <p className="sheet-head">ỦY BAN NHÂN DÂN TỈNH LÀO CAI — PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH</p>
      <h1 id="sheet-title">{p.name.vi}</h1>
      <p className="meta">Mã thủ tục {p.code} · Lĩnh vực {p.field.vi}</p>
      <ListenButton src={guideAudioUrl(p.code)} what="phiếu hướng dẫn" />
      <div className="sheet-grid">
        <section>
          <h2>Giấy tờ cần chuẩn bị</h2>
          <ul className="checklist">
            {p.requiredDocuments.map((d) => (
              <li key={d.vi}>
                <span aria-hidden="true" className="box" /> {d.vi}
              </li>
            ))}
          </ul>
          <h2>Phí, lệ phí và thời hạn</h2>
          <ul>
            <li>Phí, lệ phí: {p.fee === p.feeOnline ? money(p.fee) : `${money(p.fee)} khi nộp tại quầy; ${money(p.feeOnline)} khi nộp trực tuyến`}</li>
            <li>Thời hạn giải quyết: {deadlineText(p.deadline)} kể từ khi nhận đủ hồ sơ hợp lệ</li>
            <li>Cấp thực hiện: {LEVEL_TEXT[p.level]}</li>
            <li>Cách nhận kết quả: {RESULT_TEXT[resultKindOf(p.stages)]}</li>
          </ul>
          <h2>Nộp ở đâu, nộp thế nào</h2>
          <ul>
            <li>
              <strong>Trực tuyến{p.fullProcessOnline ? ' (toàn trình)' : ''}:</strong> quét mã QR bên cạnh hoặc vào {formUrl}; đăng nhập, điền tờ khai, đính kèm
              ảnh giấy tờ.{p.fullProcessOnline ? ' Nhận kết quả điện tử, không phải đến cơ quan.' : ' Mang bản chính giấy tờ khi đến nhận kết quả.'}
            </li>
            <li>
              <strong>Trực tiếp:</strong> tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi cư trú, giờ hành chính (7:00–11:30, 13:30–17:00, thứ Hai đến thứ Sáu).
              {p.level === 'province' && ' Xã tiếp nhận và chuyển hồ sơ lên cơ quan cấp tỉnh; kết quả trả tại xã.'}
            </li>
            {p.fee > 0 && <li><strong>Nộp phí:</strong> quét mã VietQR trên trang hồ sơ bằng ứng dụng ngân hàng, hoặc nộp tại quầy.</li>}
            <li><strong>Tra cứu:</strong> bằng mã hồ sơ và số điện thoại tại mục «Tra cứu hồ sơ».</li>
          </ul>
        </section>
        <aside className="qr">
          {qr ? <img src={qr} width={200} height={200} alt={`Mã QR mở tờ khai trực tuyến: ${formUrl}`} /> : <div className="qr-placeholder" />}
          <p>Quét để nộp trực tuyến</p>
        </aside>
      </div>
      <p className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          In phiếu hướng dẫn
        </button>
        {/* At a kiosk, filing means this very sheet (KioskFiling.tsx), so no link to it. */}
        {!isKiosk() && (
          <a className="button secondary" href={href(`/nop-ho-so/${p.code}`)} onClick={onLinkClick}>
            Nộp hồ sơ trực tuyến
          </a>
        )}
      </p>
    </article>
  );
}
