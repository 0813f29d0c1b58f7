import { useEffect, useMemo, useState } from 'react';
import { api, type Procedure } from './api';
import { isKiosk } from './kiosk';
import { ProcedureCard } from './ProcedureCard';

/** The procedure finder: type plain words (with or without accents), or pick a category. */
export function Finder() {
  const [all, setAll] = useState<Procedure[] | null>(null);
  const [q, setQ] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [hits, setHits] = useState<Procedure[] | null>(null);
  const [field, setField] = useState<string | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api.procedures().then(setAll, (e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (!q.trim()) return setHits(null);
    const t = setTimeout(() => {
      api.procedures(q).then(setHits, (e: Error) => setError(e.message));
    }, 250);
    return () => clearTimeout(t);
  }, [q]);

  const fields = useMemo(() => [...new Set((all ?? []).map((p) => p.field.vi))], [all]);
  const shown = hits ?? (field && field !== '*' ? (all ?? []).filter((p) => p.field.vi === field) : field === '*' || !isKiosk() ? all : []);

  return (
    <section aria-labelledby="finder-title">
      <h1 id="finder-title">Tìm thủ tục hành chính</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search">
        <label htmlFor="q">Ông/Bà cần làm gì? Gõ có dấu hoặc không dấu, ví dụ «làm giấy khai sinh cho con», «sổ đỏ», «dang ky ket hon»</label>
        <input id="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" placeholder="Nhập việc cần làm…" />
      </form>
      {!q.trim() && (
        <nav aria-label="Lĩnh vực" className="categories">
          <h2>{isKiosk() ? 'Chạm vào lĩnh vực để xem thủ tục' : 'Hoặc chọn lĩnh vực'}</h2>
          <ul>
            <li>
              <button type="button" aria-pressed={field === '*'} onClick={() => setField('*')}>
                Tất cả
              </button>
            </li>
            {fields.map((f) => (
              <li key={f}>
                <button type="button" aria-pressed={field === f} onClick={() => setField(f)}>
                  {f}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <div aria-live="polite" className="results">
        {shown === null ? (
          <p>Đang tải danh mục…</p>
        ) : q.trim() && shown.length === 0 ? (
          <p>Không tìm thấy thủ tục phù hợp. Thử gõ từ khác, hoặc chọn theo lĩnh vực.</p>
        ) : (
          <>
            {q.trim() && <p className="count">Tìm thấy {shown.length} thủ tục, phù hợp nhất ở trên cùng.</p>}
            {shown.map((p) => (
              <ProcedureCard key={p.code} p={p} />
            ))}
          </>
        )}
      </div>
    </section>
  );
}
