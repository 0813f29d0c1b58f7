import { useEffect, useState } from 'react';
import { ListenButton } from './ListenButton';
import { api, ApiError, type PublicDossier } from './api';
import { Documents, Rating } from './Outcome';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { PayQr } from './PayQr';
import { SupplementDeadline } from './SupplementDeadline';
import { SupplementPanel } from './SupplementPanel';
import { day, documentText, money, statusText } from './text';
import { lang, useT } from './i18n';

/** Track a dossier by its code and the applicant's phone, without signing in. */
export function TrackPage(props: { code: string; phone: string }) {
  const session = useSession();
  const t = useT();
  const [code, setCode] = useState(props.code);
  const [phone, setPhone] = useState(props.phone);
  const [d, setD] = useState<PublicDossier | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The signed-in citizen owns this dossier and may supplement it now. */
  const [canSupplement, setCanSupplement] = useState(false);
  const [supplemented, setSupplemented] = useState(false);

  async function lookup() {
    setBusy(true);
    setError('');
    try {
      setD(await api.lookup(code, phone));
    } catch (e) {
      setD(null);
      setError(e instanceof ApiError && e.status === 404 ? t('track.notFound') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (props.code && props.phone) void lookup();
    // Once, for the code and phone the link came with; later lookups are the form's.
  }, []);
  useEffect(() => {
    setCanSupplement(false);
    if (!session || d?.status !== 'NEEDS_SUPPLEMENT') return;
    let stop = false;
    api.dossier(d.code).then(
      (x) => !stop && setCanSupplement(x.status === 'NEEDS_SUPPLEMENT' && !!x.allowedActions?.includes('supplement')),
      () => undefined, // not this account's dossier: the public view only
    );
    return () => {
      stop = true;
    };
  }, [session, d?.code, d?.status]);

  const outcome = d && (d.status === 'DELIVERED' || d.status === 'RESULT_READY');
  return (
    <section aria-labelledby="track-title">
      <h1 id="track-title">{t('track.title')}</h1>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <div className="field">
          <label htmlFor="track-code">{t('track.code')}</label>
          <input id="track-code" required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="track-phone">{t('track.phone')}</label>
          <input id="track-phone" autoFocus={!!props.code && !props.phone} required type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('track.busy') : t('track.submit')}
        </button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {d && (
        <div aria-live="polite">
          <section className="panel" aria-labelledby="result-title">
            {/* The API words the procedure and the next step in Vietnamese only: marked so, for screen readers. */}
            <h2 id="result-title">
              <span lang="vi">{d.procedureName}</span> — <span className="code">{d.code}</span>
            </h2>
            <ListenButton src={`/api/public/dossiers/${encodeURIComponent(d.code)}/audio?phone=${encodeURIComponent(phone.trim())}`} what={t('track.listenWhat')} />
            <dl className="facts big">
              <div>
                <dt>{t('common.status')}</dt>
                <dd data-testid="track-status">{lang() === 'vi' ? d.statusText : statusText(d.status)}</dd>
              </div>
              <div>
                <dt>{t('track.next')}</dt>
                <dd lang="vi">{d.nextStep}</dd>
              </div>
              {d.dueAt && (
                <div>
                  <dt>{t('common.due')}</dt>
                  <dd>{day(d.dueAt, true)}</dd>
                </div>
              )}
              {d.fee > 0 && (
                <div>
                  <dt>{t('common.fee')}</dt>
                  <dd>
                    {t('common.feeState', { amount: money(d.fee), state: t(d.paid ? 'common.paid' : 'common.unpaid') })}
                  </dd>
                </div>
              )}
            </dl>
            {d.missing.length > 0 && (
              <>
                <h3>{t('track.missing')}</h3>
                <SupplementDeadline dueAt={d.supplementDueAt} />
                <ul className="missing">
                  {d.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            )}
            {d.status === 'NEEDS_SUPPLEMENT' && d.missing.length === 0 && <SupplementDeadline dueAt={d.supplementDueAt} />}
            {d.documents.length > 0 && <p className="note">{t('track.documents', { list: d.documents.map(documentText).join('; ') })}</p>}
          </section>
          {d.payment && (
            <section className="panel pay" aria-labelledby="track-pay-title">
              <h2 id="track-pay-title">{t('pay.title')}</h2>
              <PayQr code={d.code} pay={d.payment} />
              <p className="note">{t('track.payAgain')}</p>
            </section>
          )}
          {supplemented && (
            <p className="panel ok" role="status">
              {t('supplement.sent')}
            </p>
          )}
          {d.status === 'NEEDS_SUPPLEMENT' &&
            (canSupplement ? (
              <SupplementPanel
                code={d.code}
                missing={d.missing}
                dueAt={d.supplementDueAt}
                onDone={() => {
                  setSupplemented(true);
                  void lookup();
                }}
              />
            ) : (
              !session && <SignIn why={t('track.signInSupplement')} />
            ))}
          {outcome &&
            (session ? (
              <>
                <Documents code={d.code} kinds={d.documents} />
                {d.status === 'DELIVERED' && <Rating code={d.code} />}
              </>
            ) : (
              <SignIn why={t('track.signInResult')} />
            ))}
        </div>
      )}
    </section>
  );
}
