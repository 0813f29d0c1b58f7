import { useState } from 'react';
import type { Payment } from './api';
import { bankName } from './banks';
import { money } from './text';

/** The QR PNG (a data: URL) as a file, for the share sheet to hand to a banking app. */
async function pngFile(dataUrl: string, name: string): Promise<File> {
  const blob = await (await fetch(dataUrl)).blob();
  return new File([blob], name, { type: 'image/png' });
}

/**
 * The fee's VietQR as the citizen needs it on a phone: the image, the bank by name, the account,
 * and ways to get the QR into a banking app on the same phone — save the PNG, share it (Web Share
 * API), or copy the account number and the VietQR text when sharing is not offered.
 */
export function PayQr({ code, pay }: { code: string; pay: Payment }) {
  const [note, setNote] = useState('');
  const description = pay.description ?? code;
  const file = `${code}-vietqr.png`;
  const canShare = typeof navigator.share === 'function';

  async function share() {
    try {
      const f = await pngFile(pay.qrPng, file);
      const data: ShareData = navigator.canShare?.({ files: [f] }) ? { files: [f], title: `Nộp phí hồ sơ ${code}` } : { title: `Nộp phí hồ sơ ${code}`, text: shareText() };
      await navigator.share(data);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') await copy(shareText(), 'Đã chép thông tin chuyển khoản.');
    }
  }
  const shareText = () =>
    [`Ngân hàng: ${bankName(pay.bankBin)}`, pay.accountNumber && `Số tài khoản: ${pay.accountNumber}`, pay.accountName && `Tên tài khoản: ${pay.accountName}`, `Số tiền: ${money(pay.amount)}`, `Nội dung: ${description}`]
      .filter(Boolean)
      .join('\n');
  async function copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNote(done);
    } catch {
      setNote('Không chép được. Ông/Bà ghi lại số tài khoản và nội dung ở trên.');
    }
  }

  return (
    <div className="pay-qr">
      <p>
        Số tiền: <strong className="amount">{money(pay.amount)}</strong>
      </p>
      <img src={pay.qrPng} width={240} height={240} alt={`Mã VietQR để chuyển ${money(pay.amount)}, nội dung ${description}`} />
      <dl className="facts">
        {pay.bankBin && (
          <div>
            <dt>Ngân hàng nhận</dt>
            <dd data-testid="pay-bank">{bankName(pay.bankBin)}</dd>
          </div>
        )}
        {pay.accountNumber && (
          <div>
            <dt>Số tài khoản</dt>
            <dd data-testid="pay-account">{pay.accountNumber}</dd>
          </div>
        )}
        {pay.accountName && (
          <div>
            <dt>Tên tài khoản</dt>
            <dd>{pay.accountName}</dd>
          </div>
        )}
        <div>
          <dt>Nội dung chuyển khoản</dt>
          <dd className="code">{description}</dd>
        </div>
      </dl>
      <ol>
        <li>Mở ứng dụng ngân hàng, chọn «Quét mã QR».</li>
        <li>Quét mã trên — hoặc lưu ảnh mã rồi chọn «Tải ảnh QR» trong ứng dụng; số tiền và nội dung ({description}) đã điền sẵn, không sửa.</li>
        <li>Xác nhận chuyển.</li>
      </ol>
      <p className="actions no-print">
        <a className="button secondary" href={pay.qrPng} download={file}>
          Lưu ảnh mã QR
        </a>
        {canShare ? (
          <button type="button" className="secondary" onClick={() => void share()}>
            Chia sẻ mã QR
          </button>
        ) : (
          pay.accountNumber && (
            <button type="button" className="secondary" onClick={() => void copy(pay.accountNumber!, `Đã chép số tài khoản ${pay.accountNumber}.`)}>
              Chép số tài khoản
            </button>
          )
        )}
        {pay.vietqr && (
          <button type="button" className="secondary" onClick={() => void copy(pay.vietqr!, 'Đã chép mã VietQR; dán vào ứng dụng ngân hàng nếu có mục dán mã.')}>
            Chép mã VietQR
          </button>
        )}
      </p>
      {note && (
        <p role="status" className="note" data-testid="pay-note">
          {note}
        </p>
      )}
    </div>
  );
}
