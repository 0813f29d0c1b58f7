import { useEffect, useRef, useState } from 'react';
import { api, type Procedure, type ProcedureField, type ProcedureQuery } from './api';
import { num, useT } from './i18n';
import { isKiosk } from './kiosk';
import { AdvisorTiles } from './AdvisorTiles';
import { ProcedureCard } from './ProcedureCard';
import { navigate } from './router';

/** A page of cards: small, for phones on a slow connection; "Xem thêm" asks for the next one. */
const PAGE = 10;
/** Fields shown as buttons (those with most commune-level procedures); the others are in a list. */
const TOP_FIELDS = 12;

type Level = '' | 'commune' | 'province';
type Online = '' | 'full' | 'partial' | 'counter';

/**
 * The procedure finder: type plain words (with or without accents), or pick a field, and narrow
 * by level and how far it runs online. The server ranks, filters and pages (~1,600 procedures);
 * the browser holds only the cards it shows.
 */
export function Finder() {
  const t = useT();
  const [q, setQ] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [words, setWords] = useState(q);
  // Kept in the history entry, so Back (the kiosk's «Quay lại») returns to the field being browsed.
  const [field, setField] = useState<string | null>(() => (history.state as { finderField?: string } | null)?.finderField ?? null);
  const [level, setLevel] = useState<Level>('');
  const [online, setOnline] = useState<Online>('');
  const [fields, setFields] = useState<ProcedureField[]>([]);
  const [items, setItems] = useState<Procedure[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    history.replaceState({ ...(history.state as object | null), finderField: field }, '');
  }, [field]);

  useEffect(() => {
    api.procedureFields().then(setFields, (e: Error) => setError(e.message));
  }, []);

  // Typing settles for a quarter second before the server is asked.
  useEffect(() => {
    const t = setTimeout(() => setWords(q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);

  // The kiosk starts from the fields (a touch screen, no keyboard); elsewhere the list shows at once.
  const active = Boolean(words) || field !== null || !isKiosk();
  const query: ProcedureQuery = { q: words || undefined, field: !words && field && field !== '*' ? field : undefined, level: level || undefined, onlineLevel: online || undefined };
  const key = JSON.stringify(query);

  async function load(offset: number) {
    const id = ++latest.current;
    setLoading(true);
    setError('');
    try {
      const page = await api.procedures({ ...query, offset, limit: PAGE });
      if (id !== latest.current) return; // an answer to a query the citizen has since changed
      setItems((prev) => (offset === 0 ? page.items : [...(prev ?? []), ...page.items]));
      setTotal(page.total);
    } catch (e) {
      if (id === latest.current) setError((e as Error).message);
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }

  useEffect(() => {
    if (!active) {
      setItems([]);
      setTotal(0);
      return;
    }
    setItems(null);
    void load(0);
    // `key` stands for the query: a new one starts again from its first page.
  }, [key, active]);

  const top = fields.slice(0, TOP_FIELDS);
  const rest = [...fields.slice(TOP_FIELDS)].sort((a, b) => a.field.localeCompare(b.field, 'vi'));

  return (
    <section aria-labelledby="finder-title">
      <h1 id="finder-title">{t('finder.title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search">
        <label htmlFor="q">{t('finder.queryLabel')}</label>
        <input id="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" placeholder={t('finder.placeholder')} />
        <div className="filters">
          <label>
            {t('common.level')}
            <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
              <option value="">{t('finder.all')}</option>
              <option value="commune">{t('level.commune')}</option>
              <option value="province">{t('level.provinceShort')}</option>
            </select>
          </label>
          <label>
            {t('finder.online')}
            <select value={online} onChange={(e) => setOnline(e.target.value as Online)}>
              <option value="">{t('finder.all')}</option>
              <option value="full">{t('online.full')}</option>
              <option value="partial">{t('online.partial')}</option>
              <option value="counter">{t('online.counter')}</option>
            </select>
          </label>
        </div>
      </form>
      {!q.trim() && field === null && isKiosk() && (
        <section aria-labelledby="advisor-tiles-title" className="advisor-start">
          <h2 id="advisor-tiles-title">{t('finder.tilesTitle')}</h2>
          <AdvisorTiles onPick={(t) => navigate('/tu-van', `o=${t.id}`)} />
        </section>
      )}
      {!q.trim() && (
        <nav aria-label={t('finder.fields')} className="categories">
          <h2>{isKiosk() ? t('finder.fieldsKiosk') : t('finder.fieldsPick')}</h2>
          <ul>
            <li>
              <button type="button" aria-pressed={field === '*'} onClick={() => setField('*')}>
                {t('finder.all')}
              </button>
            </li>
            {top.map((f) => (
              <li key={f.field}>
                <button type="button" aria-pressed={field === f.field} onClick={() => setField(f.field)}>
                  {f.field}
                </button>
              </li>
            ))}
          </ul>
          {rest.length > 0 && (
            <label className="more-fields">
              {t('finder.otherFields')}
              <select value={rest.some((f) => f.field === field) ? field! : ''} onChange={(e) => setField(e.target.value || null)}>
                <option value="">{t('finder.pickField')}</option>
                {rest.map((f) => (
                  <option key={f.field} value={f.field}>
                    {f.field} ({f.procedures})
                  </option>
                ))}
              </select>
            </label>
          )}
        </nav>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <div aria-live="polite" aria-busy={loading} className="results">
        {items === null ? (
          <p>{t('finder.loading')}</p>
        ) : active && items.length === 0 ? (
          <p>{t('finder.none')}</p>
        ) : (
          <>
            {/* The results' heading (an h2 between the page's h1 and the cards' h3s). */}
            {active && <h2 className="count">{words ? t('finder.found', { n: total }) : t('finder.count', { n: total })}</h2>}
            {items.map((p) => (
              <ProcedureCard key={p.code} p={p} />
            ))}
            {items.length < total && (
              <p>
                <button type="button" className="secondary" disabled={loading} onClick={() => void load(items.length)}>
                  {loading ? t('common.loading') : t('finder.more', { n: num(total - items.length) })}
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
