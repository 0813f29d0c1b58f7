import { useState } from 'react';
import { api, ApiError, uploadProblem, type Consent } from './api';

/**
 * «Nộp hộ», the consent step (docs/assisted-filing.md): before a helper files for a citizen, the
 * citizen agrees — by reading out the code the system texts to their phone, or by signing the
 * printed consent form, whose scan is uploaded. Answers the consent through `onConsent`.
 */
export function AssistedConsent(props: {
  citizen: { fullName: string; idNumber: string; phone: string };
  procedureCode: string;
  consent: Consent | null;
  onConsent: (c: Consent | null) => void;
}) {
  const { citizen, consent, onConsent } = props;
  const [method, setMethod] = useState<'sms' | 'form'>('sms');
  const [sent, setSent] = useState<{ id: string; phone: string } | null>(null);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage('');
    try {
      await work();
    } catch (err) {
      setMessage((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  if (consent) {
    return (
      <p className="panel ok" role="status" data-testid="consent-given">
        {consent.method === 'sms-code' ? 'Công dân đã đồng ý bằng mã xác nhận qua tin nhắn.' : 'Đã tải lên giấy đồng ý có chữ ký của công dân.'}{' '}
        <button type="button" className="link" onClick={() => onConsent(null)}>
          Làm lại
        </button>
      </p>
    );
  }
  return (
    <fieldset className="panel" data-testid="consent-step">
      <legend>Sự đồng ý của công dân</legend>
      <p>Trước khi nộp hộ, công dân {citizen.fullName} cần đồng ý. Chọn một cách:</p>
      <div className="field">
        <label>
          <input type="radio" name="consent-method" checked={method === 'sms'} onChange={() => setMethod('sms')} /> Mã xác nhận gửi qua tin nhắn đến số {citizen.phone}
        </label>
        <label>
          <input type="radio" name="consent-method" checked={method === 'form'} onChange={() => setMethod('form')} /> Giấy đồng ý có chữ ký
        </label>
      </div>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      {method === 'sms' ? (
        <>
          <p className="actions">
            <button type="button" disabled={busy} onClick={() => run(async () => setSent(await api.sendConsentCode({ idNumber: citizen.idNumber, phone: citizen.phone })))}>
              {sent ? 'Gửi lại mã' : 'Gửi mã xác nhận'}
            </button>
          </p>
          {sent && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await api.verifyConsentCode(sent.id, code.trim());
                  onConsent({ method: 'sms-code', codeId: sent.id });
                });
              }}
            >
              <p className="note">Đã gửi mã đến số {sent.phone}. Mã có hiệu lực 10 phút. Mời công dân đọc mã trong tin nhắn.</p>
              <div className="field">
                <label htmlFor="consent-code">Mã xác nhận (6 chữ số)</label>
                <input id="consent-code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <p className="actions">
                <button type="submit" disabled={busy}>
                  Xác nhận
                </button>
              </p>
            </form>
          )}
        </>
      ) : (
        <>
          <p className="actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => api.printConsentForm({ fullName: citizen.fullName, idNumber: citizen.idNumber, phone: citizen.phone, procedureCode: props.procedureCode }))}
            >
              In giấy đồng ý
            </button>
          </p>
          <div className="field">
            <label htmlFor="consent-file">Tải lên giấy đồng ý đã ký (ảnh hoặc PDF)</label>
            <input
              id="consent-file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                const problem = uploadProblem(file);
                if (problem) return setMessage(problem);
                void run(async () => {
                  const stored = await api.upload(file, () => {});
                  onConsent({ method: 'signed-form', attachmentId: stored.id });
                });
              }}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
