import { useEffect, useState } from 'react';
import { api, ApiError, type DocumentVerification } from './api';
import { href, onLinkClick } from './router';
import { day } from './text';

/** SHA-256 of a file, in the browser: the file never leaves the device. */
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Where the QR of a signed receipt or result leads (docs/signing.md): what the agency issued
 * under this code, its signature checked now, and a check of a copy the reader holds.
 */
export function VerifyPage({ code }: { code: string }) {
  const [v, setV] = useState<DocumentVerification | null>(null);
  const [error, setError] = useState('');
  const [copy, setCopy] = useState<'same' | 'different' | null>(null);

  useEffect(() => {
    api.verify(code).then(setV, (e: unknown) =>
      setError(e instanceof ApiError && e.status === 404 ? 'Không tìm thấy văn bản có mã xác minh này. Kiểm tra lại mã in dưới mã QR.' : (e as Error).message),
    );
  }, [code]);

  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">Xác minh văn bản điện tử</h1>
      {!v && !error && <p role="status">Đang kiểm tra chữ ký số…</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {v && (
        <>
          <div className={v.valid ? 'panel ok' : 'error'} role={v.valid ? 'status' : 'alert'}>
            {v.valid
              ? 'Văn bản hợp lệ: đúng bản do cơ quan cấp, chữ ký số còn nguyên vẹn.'
              : 'Văn bản KHÔNG hợp lệ: bản lưu đã bị thay đổi hoặc chữ ký số không khớp. Vui lòng liên hệ Bộ phận Một cửa.'}
          </div>
          <dl className="facts big panel">
            <div><dt>Văn bản</dt><dd>{v.document.title}</dd></div>
            <div><dt>Mã hồ sơ</dt><dd>{v.document.dossierCode}</dd></div>
            <div><dt>Người ký</dt><dd>{v.signer.commonName ?? v.signer.subject}</dd></div>
            {v.signer.organization && <div><dt>Cơ quan</dt><dd>{v.signer.organization}</dd></div>}
            <div><dt>Thời điểm ký</dt><dd>{day(v.signedAt, true)}</dd></div>
            {v.signer.issuer && <div><dt>Chứng thư số do</dt><dd>{v.signer.issuer}</dd></div>}
          </dl>
          <ul className="panel">
            <li>{v.checks.hash ? '✓' : '✗'} Nội dung đúng với bản đã cấp (mã băm SHA-256)</li>
            <li>{v.checks.signature ? '✓' : '✗'} Chữ ký số hợp lệ trên toàn bộ tệp</li>
            <li>{v.checks.certificate ? '✓' : '✗'} Ký bằng chứng thư số của cơ quan khi cấp</li>
          </ul>
          <div className="panel">
            <label htmlFor="copy">Kiểm tra bản PDF Ông/Bà đang giữ (tệp không được gửi đi)</label>
            <input
              id="copy"
              type="file"
              accept="application/pdf"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                setCopy(file ? ((await sha256Hex(file)) === v.document.sha256 ? 'same' : 'different') : null);
              }}
            />
            {copy === 'same' && <p className="ok" role="status">Tệp trùng khớp với bản do cơ quan cấp.</p>}
            {copy === 'different' && <p className="error" role="alert">Tệp KHÁC bản do cơ quan cấp: không dùng tệp này làm bằng chứng.</p>}
            <p className="note">Mã băm SHA-256 của bản đã cấp: <code>{v.document.sha256}</code></p>
          </div>
          <p>
            {/* /tra-cuu/<code> opens the dossier for its signed-in owner, else the lookup with the code filled in. */}
            <a href={href(`/tra-cuu/${encodeURIComponent(v.document.dossierCode)}`)} onClick={onLinkClick}>
              Tra cứu tình trạng hồ sơ {v.document.dossierCode}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
