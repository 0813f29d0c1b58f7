import { useState } from 'react';
import { api, ApiError, uploadProblem, type Consent } from './api';
import { useT } from './i18n';

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
  const t = useT();
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
        {t(consent.method === 'sms-code' ? 'consent.givenBySms' : 'consent.givenByForm')}{' '}
        <button type="button" className="link" onClick={() => onConsent(null)}>
          {t('consent.redo')}
        </button>
      </p>
    );
  }
  return (
    <fieldset className="panel" data-testid="consent-step">
      <legend>{t('consent.legend')}</legend>
      <p>{t('consent.intro', { name: citizen.fullName })}</p>
      <div className="field">
        <label>
          <input type="radio" name="consent-method" checked={method === 'sms'} onChange={() => setMethod('sms')} /> {t('consent.bySms', { phone: citizen.phone })}
        </label>
        <label>
          <input type="radio" name="consent-method" checked={method === 'form'} onChange={() => setMethod('form')} /> {t('consent.byForm')}
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
              {t(sent ? 'consent.resend' : 'consent.send')}
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
              <p className="note">{t('consent.sent', { phone: sent.phone })}</p>
              <div className="field">
                <label htmlFor="consent-code">{t('consent.code')}</label>
                <input id="consent-code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <p className="actions">
                <button type="submit" disabled={busy}>
                  {t('consent.confirm')}
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
              {t('consent.print')}
            </button>
          </p>
          <div className="field">
            <label htmlFor="consent-file">{t('consent.upload')}</label>
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
