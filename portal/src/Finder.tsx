import { useEffect, useRef, useState } from 'react';
import { api, type Procedure, type ProcedureField, type ProcedureQuery } from './api';
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
      <h1 id="finder-title">Tìm thủ tục hành chính</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search">
        <label htmlFor="q">Ông/Bà cần làm gì? Gõ có dấu hoặc không dấu, ví dụ «làm giấy khai sinh cho con», «sổ đỏ», «dang ky ket hon»</label>
        <input id="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" placeholder="Nhập việc cần làm…" />
        <div className="filters">
          <label>
            Cấp thực hiện
            <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
              <option value="">Tất cả</option>
              <option value="commune">Cấp xã</option>
              <option value="province">Cấp tỉnh</option>
            </select>
          </label>
          <label>
            Mức trực tuyến
            <select value={online} onChange={(e) => setOnline(e.target.value as Online)}>
              <option value="">Tất cả</option>
              <option value="full">Toàn trình</option>
              <option value="partial">Một phần</option>
              <option value="counter">Nộp tại quầy</option>
            </select>
          </label>
        </div>
      </form>
      {!q.trim() && field === null && isKiosk() && (
        <section aria-labelledby="advisor-tiles-title" className="advisor-start">
          <h2 id="advisor-tiles-title">Trợ lý: chạm vào việc Ông/Bà cần làm</h2>
          <AdvisorTiles onPick={(t) => navigate('/tu-van', `o=${t.id}`)} />
        </section>
      )}
      {!q.trim() && (
        <nav aria-label="Lĩnh vực" className="categories">
          <h2>{isKiosk() ? 'Chạm vào lĩnh vực để xem thủ tục' : 'Hoặc chọn lĩnh vực'}</h2>
          <ul>
            <li>
              <button type="button" aria-pressed={field === '*'} onClick={() => setField('*')}>
                Tất cả
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
              Lĩnh vực khác
              <select value={rest.some((f) => f.field === field) ? field! : ''} onChange={(e) => setField(e.target.value || null)}>
                <option value="">— Chọn lĩnh vực —</option>
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
          <p>Đang tải danh mục…</p>
        ) : active && items.length === 0 ? (
          <p>Không tìm thấy thủ tục phù hợp. Thử gõ từ khác, bỏ bớt điều kiện lọc, hoặc chọn theo lĩnh vực.</p>
        ) : (
          <>
            {/* The results' heading (an h2 between the page's h1 and the cards' h3s). */}
            {active && <h2 className="count">{words ? `Tìm thấy ${total} thủ tục, phù hợp nhất ở trên cùng.` : `${total} thủ tục.`}</h2>}
            {items.map((p) => (
              <ProcedureCard key={p.code} p={p} />
            ))}
            {items.length < total && (
              <p>
                <button type="button" className="secondary" disabled={loading} onClick={() => void load(items.length)}>
                  {loading ? 'Đang tải…' : `Xem thêm (còn ${total - items.length} thủ tục)`}
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
