import { useEffect, useState } from 'react';
import { api, ApiError, type DocumentVerification } from './api';
import { href, onLinkClick } from './router';
import { useT } from './i18n';
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
  const t = useT();
  const [v, setV] = useState<DocumentVerification | null>(null);
  const [error, setError] = useState('');
  const [copy, setCopy] = useState<'same' | 'different' | null>(null);

  useEffect(() => {
    api.verify(code).then(setV, (e: unknown) =>
      setError(e instanceof ApiError && e.status === 404 ? t('verify.notFound') : (e as Error).message),
    );
  }, [code]);

  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      {!v && !error && <p role="status">{t('verify.checking')}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {v && (
        <>
          <div className={v.valid ? 'panel ok' : 'error'} role={v.valid ? 'status' : 'alert'}>
            {v.valid
              ? t('verify.valid')
              : t('verify.invalid')}
          </div>
          <dl className="facts big panel">
            <div><dt>{t('verify.document')}</dt><dd>{v.document.title}</dd></div>
            <div><dt>{t('verify.dossierCode')}</dt><dd>{v.document.dossierCode}</dd></div>
            <div><dt>{t('verify.signer')}</dt><dd>{v.signer.commonName ?? v.signer.subject}</dd></div>
            {v.signer.organization && <div><dt>{t('verify.organization')}</dt><dd>{v.signer.organization}</dd></div>}
            <div><dt>{t('verify.signedAt')}</dt><dd>{day(v.signedAt, true)}</dd></div>
            {v.signer.issuer && <div><dt>{t('verify.issuer')}</dt><dd>{v.signer.issuer}</dd></div>}
          </dl>
          <ul className="panel">
            <li>{v.checks.hash ? '✓' : '✗'} {t('verify.hash')}</li>
            <li>{v.checks.signature ? '✓' : '✗'} {t('verify.signature')}</li>
            <li>{v.checks.certificate ? '✓' : '✗'} {t('verify.certificate')}</li>
          </ul>
          <div className="panel">
            <label htmlFor="copy">{t('verify.copy')}</label>
            <input
              id="copy"
              type="file"
              accept="application/pdf"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                setCopy(file ? ((await sha256Hex(file)) === v.document.sha256 ? 'same' : 'different') : null);
              }}
            />
            {copy === 'same' && <p className="ok" role="status">{t('verify.same')}</p>}
            {copy === 'different' && <p className="error" role="alert">{t('verify.different')}</p>}
            <p className="note">{t('verify.sha')} <code>{v.document.sha256}</code></p>
          </div>
          <p>
            {/* /tra-cuu/<code> opens the dossier for its signed-in owner, else the lookup with the code filled in. */}
            <a href={href(`/tra-cuu/${encodeURIComponent(v.document.dossierCode)}`)} onClick={onLinkClick}>
              {t('verify.track', { code: v.document.dossierCode })}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
