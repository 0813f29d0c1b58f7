import { useEffect, useState } from 'react';
import { api, type Dossier } from './api';
import { Documents, Rating } from './Outcome';
import { PayPanel } from './PayPanel';
import { href, onLinkClick } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { SiteVisit } from './SiteVisit';
import { SupplementDeadline } from './SupplementDeadline';
import { SupplementPanel } from './SupplementPanel';
import { day, money, resultText, statusText } from './text';
import { Rich, useT } from './i18n';

/** The citizen's own dossier: its code, appointment, receipt, fee by QR, result and rating. */
export function DossierPage({ code }: { code: string }) {
  const session = useSession();
  const t = useT();
  const [d, setD] = useState<Dossier | null>(null);
  const [error, setError] = useState('');
  const [supplemented, setSupplemented] = useState(false);
  const fresh = new URLSearchParams(location.search).get('moi') === '1';

  useEffect(() => {
    if (!session) return;
    let stop = false;
    let timer = 0;
    const load = () =>
      api.dossier(code).then(
        (x) => {
          if (stop) return;
          setD(x);
          setError('');
          if (!['DELIVERED', 'REJECTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'CANCELLED'].includes(x.status)) timer = window.setTimeout(load, 3000);
        },
        (e: Error) => !stop && setError(e.message),
      );
    load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [code, session]);

  if (!session) return <SignIn why={t('dossier.signInWhy')} />;
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!d) return <p role="status">{t('common.loading')}</p>;
  // A result handed over only at the desk is not downloaded (resultText says where to collect it).
  const online = (d.result ?? 'electronic') === 'electronic';
  const docs = [d.receivedAt ? 'receipt' : null, online && ['RESULT_READY', 'DELIVERED'].includes(d.status) ? 'result' : null].filter((x): x is string => !!x);
  return (
    <section aria-labelledby="dossier-title">
      {fresh && (
        <p className="panel ok" role="status">
          {t('dossier.submitted')}
        </p>
      )}
      <h1 id="dossier-title">
        <Rich k="dossier.title" parts={{ code: <span className="code" data-testid="dossier-code">{d.code}</span> }} />
      </h1>
      {d.assistedBy && (
        <p className="note" data-testid="assisted-by">
          {t('dossier.assistedBy', { helper: d.assistedBy.helperName, commune: d.assistedBy.communeName })}
        </p>
      )}
      <dl className="facts big">
        <div>
          <dt>{t('common.status')}</dt>
          <dd data-testid="status">{statusText(d.status)}</dd>
        </div>
        <div>
          <dt>{t('common.due')}</dt>
          <dd data-testid="due">{d.dueAt ? day(d.dueAt, true) : t('dossier.dueLater')}</dd>
        </div>
        <div>
          <dt>{t('common.fee')}</dt>
          <dd>{d.fee > 0 ? t('common.feeState', { amount: money(d.fee), state: t(d.paid ? 'common.paid' : 'common.unpaid') }) : t('money.free')}</dd>
        </div>
        <div>
          <dt>{t('result.label')}</dt>
          <dd data-testid="result-kind">{resultText(d.result)}</dd>
        </div>
      </dl>
      {d.fee > 0 && !d.paid && d.status === 'AWAITING_PAYMENT' && <PayPanel code={d.code} onPaid={() => api.dossier(code).then(setD, () => {})} />}
      {d.fee > 0 && !d.paid && d.status !== 'AWAITING_PAYMENT' && !['DELIVERED', 'REJECTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'CANCELLED'].includes(d.status) && (
        <p className="note">{t('dossier.qrLater')}</p>
      )}
      {supplemented && (
        <p className="panel ok" role="status">
          {t('supplement.sent')}
        </p>
      )}
      {d.status === 'NEEDS_SUPPLEMENT' && !d.allowedActions?.includes('supplement') && <SupplementDeadline dueAt={d.supplementDueAt} />}
      {d.status === 'NEEDS_SUPPLEMENT' && d.allowedActions?.includes('supplement') && (
        <SupplementPanel
          code={d.code}
          missing={d.missing ?? []}
          dueAt={d.supplementDueAt}
          onDone={(x) => {
            setD(x);
            setSupplemented(true);
          }}
        />
      )}
      <SiteVisit inspection={d.inspection} />
      {d.attachments && d.attachments.length > 0 && (
        <section className="panel" aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('dossier.files')}</h2>
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                {t('common.fileSize', { name: a.name, kb: Math.ceil(a.size / 1024) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Documents code={d.code} kinds={docs} />
      {d.status === 'DELIVERED' && <Rating code={d.code} />}
      <p className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('dossier.print')}
        </button>
        <a className="button secondary" href={href('/tra-cuu', `ma=${encodeURIComponent(d.code)}`)} onClick={onLinkClick}>
          {t('dossier.lookup')}
        </a>
      </p>
    </section>
  );
}
