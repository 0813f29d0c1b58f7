import { useEffect, useState } from 'react';
import { api, type StoreDocument } from './api';
import { useT } from './i18n';
import { href, onLinkClick } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { day } from './text';

/**
 * «Kho dữ liệu của tôi»: the signed results delivered to the citizen online (api/citizen-store.ts),
 * each with where it came from, to download or check at the verification page. Lazy-loaded: the
 * portal's first page stays small.
 */
export function StorePage() {
  const session = useSession();
  const t = useT();
  const [list, setList] = useState<StoreDocument[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!session) return;
    let stop = false;
    api.myDocuments().then(
      (x) => !stop && setList(x),
      (e: Error) => !stop && setError(e.message),
    );
    return () => {
      stop = true;
    };
  }, [session]);

  if (!session) return <SignIn why={t('store.signInWhy')} />;
  return (
    <section aria-labelledby="store-title">
      <h1 id="store-title">{t('store.title')}</h1>
      <p className="note">{t('store.intro')}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {!list && !error && <p role="status">{t('common.loading')}</p>}
      {list && list.length === 0 && <p className="panel">{t('store.none')}</p>}
      {list && list.length > 0 && (
        <ul className="mine" data-testid="my-documents">
          {list.map((d) => (
            <StoreItem key={d.id} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StoreItem({ d }: { d: StoreDocument }) {
  const t = useT();
  const [error, setError] = useState('');
  return (
    <li className="card">
      <h2 className="mine-link">{t(d.kind === 'result' ? 'store.kindResult' : 'store.kindOther')}: {d.procedureName}</h2>
      <p className="meta">
        <span>{t('store.issued', { date: day(d.issuedAt) })}</span>{' '}
        <span>
          {t('store.from')}{' '}
          <a href={href(`/ho-so/${d.dossierCode}`)} onClick={onLinkClick}>
            {d.dossierCode}
          </a>
        </span>
      </p>
      <p className="meta">
        <button type="button" onClick={() => api.openStored(d.id).catch((e: Error) => setError(e.message))}>
          {t('store.download')}
        </button>{' '}
        <a href={href(`/xac-minh/${d.verifyCode}`)} onClick={onLinkClick}>
          {t('store.verify')}
        </a>
      </p>
      <p className="note">
        SHA-256: <code>{d.sha256}</code>
      </p>
      {error && <p role="alert" className="error">{error}</p>}
    </li>
  );
}
