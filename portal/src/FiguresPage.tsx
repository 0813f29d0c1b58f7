import { useEffect, useState } from 'react';
import { api, type PublicStats } from './api';
import { num, Rich, useT } from './i18n';

const percent = (rate: number | null) => (rate === null ? '—' : `${num(rate * 100, { maximumFractionDigits: 1 })}%`);
const n = (x: number) => num(x);

/** The province's headline figures (GET /api/stats/public), in plain Vietnamese, for anyone. */
export function FiguresPage() {
  const t = useT();
  const [s, setS] = useState<PublicStats | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.publicStats().then(setS, (e: Error) => setError(e.message));
  }, []);

  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title">{t('figures.title')}</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!s && !error && <p role="status">{t('common.loading')}</p>}
      {s && (
        <>
          <p>{t('figures.base', { n: n(s.procedures) })}</p>
          <ul className="figures">
            <li>
              <Rich k="figures.online" vars={{ rate: percent(s.online.rate), full: n(s.online.full), partial: n(s.online.partial) }} parts={{ n: <strong>{n(s.online.total)}</strong> }} />
            </li>
            <li>
              <Rich k="figures.commune" vars={{ rate: percent(s.commune.rate), online: n(s.commune.online) }} parts={{ n: <strong>{n(s.commune.total)}</strong> }} />
            </li>
            <li>
              <Rich
                k="figures.full"
                vars={{ commune: n(s.fullProcessByLevel.commune), province: n(s.fullProcessByLevel.province) }}
                parts={{ n: <strong>{n(s.fullProcessByLevel.commune + s.fullProcessByLevel.province)}</strong> }}
              />
            </li>
            <li>
              <Rich k="figures.portal" vars={{ synced: n(s.nationalPortal.synced) }} parts={{ n: <strong>{percent(s.nationalPortal.rate)}</strong> }} />
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
