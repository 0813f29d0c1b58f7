import { useEffect, useState } from 'react';
import { api, type DossierListItem } from './api';
import { href, onLinkClick } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { day, money, statusText } from './text';
import { pick, Rich, useT } from './i18n';

/** «Hồ sơ của tôi»: the signed-in citizen's dossiers (GET /api/dossiers is scoped to its owner). */
export function MyDossiers() {
  const session = useSession();
  const t = useT();
  const [list, setList] = useState<DossierListItem[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!session) return;
    let stop = false;
    api.myDossiers().then(
      (x) => !stop && setList(x),
      (e: Error) => !stop && setError(e.message),
    );
    return () => {
      stop = true;
    };
  }, [session]);

  if (!session) return <SignIn why={t('mine.signInWhy')} />;
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t('mine.title')}</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!list && !error && <p role="status">{t('common.loading')}</p>}
      {list && list.length === 0 && (
        <p className="panel">
          <Rich
            k="mine.none"
            parts={{
              link: (
                <a href={href('/')} onClick={onLinkClick}>
                  {t('mine.find')}
                </a>
              ),
            }}
          />
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="mine" data-testid="my-dossiers">
          {list.map((d) => (
            <li key={d.code} className="card">
              <a href={href(`/ho-so/${d.code}`)} onClick={onLinkClick} className="mine-link">
                <span className="code">{d.code}</span> {pick(d.procedureName) || d.procedureCode}
              </a>
              <p className="meta">
                <span className="badge">{statusText(d.status)}</span>
                {d.createdAt && <span>{t('mine.filed', { date: day(d.createdAt) })}</span>}
                {d.dueAt && <span>{t('mine.due', { date: day(d.dueAt) })}</span>}
                {d.fee > 0 && !d.paid && <span>{t('mine.feeDue', { amount: money(d.fee) })}</span>}
                {d.status === 'NEEDS_SUPPLEMENT' && d.supplementDueAt && <strong className="error">{t('mine.supplementDue', { date: day(d.supplementDueAt) })}</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
