import { useEffect, useState } from 'react';
import { api, type PublicStats } from './api';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
const n = (x: number) => x.toLocaleString('vi-VN');

/** The province's headline figures (GET /api/stats/public), in plain Vietnamese, for anyone. */
export function FiguresPage() {
  const [s, setS] = useState<PublicStats | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.publicStats().then(setS, (e: Error) => setError(e.message));
  }, []);

  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title">Số liệu dịch vụ công của tỉnh</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!s && !error && <p role="status">Đang tải…</p>}
      {s && (
        <>
          <p>Tính trên {n(s.procedures)} thủ tục hành chính tỉnh Lào Cai đang cung cấp.</p>
          <ul className="figures">
            <li>
              <strong>{n(s.online.total)}</strong> thủ tục nộp hồ sơ trực tuyến được ({percent(s.online.rate)}): {n(s.online.full)} toàn trình, {n(s.online.partial)} một phần
            </li>
            <li>
              <strong>{n(s.commune.total)}</strong> thủ tục giải quyết tại cấp xã ({percent(s.commune.rate)}), trong đó {n(s.commune.online)} nộp trực tuyến được
            </li>
            <li>
              <strong>{n(s.fullProcessByLevel.commune + s.fullProcessByLevel.province)}</strong> thủ tục trực tuyến toàn trình: {n(s.fullProcessByLevel.commune)} cấp xã, {n(s.fullProcessByLevel.province)} cấp tỉnh
            </li>
            <li>
              <strong>{percent(s.nationalPortal.rate)}</strong> thủ tục đồng bộ với Cổng Dịch vụ công quốc gia ({n(s.nationalPortal.synced)} thủ tục)
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
