import { useEffect, useState } from 'react';
import { api, type Dossier } from './api';
import { href, onLinkClick } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { day, money, STATUS_TEXT } from './text';

/** «Hồ sơ của tôi»: the signed-in citizen's dossiers (GET /api/dossiers is scoped to its owner). */
export function MyDossiers() {
  const session = useSession();
  const [list, setList] = useState<Dossier[] | null>(null);
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

  if (!session) return <SignIn why="Đăng nhập để xem các hồ sơ Ông/Bà đã nộp." />;
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">Hồ sơ của tôi</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!list && !error && <p role="status">Đang tải…</p>}
      {list && list.length === 0 && (
        <p className="panel">
          Ông/Bà chưa nộp hồ sơ nào trực tuyến. <a href={href('/')} onClick={onLinkClick}>Tìm thủ tục để nộp</a>.
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="mine" data-testid="my-dossiers">
          {list.map((d) => (
            <li key={d.code} className="card">
              <a href={href(`/ho-so/${d.code}`)} onClick={onLinkClick} className="mine-link">
                <span className="code">{d.code}</span> {d.procedureName?.vi ?? d.procedureCode}
              </a>
              <p className="meta">
                <span className="badge">{STATUS_TEXT[d.status] ?? d.status}</span>
                {d.createdAt && <span>Nộp ngày {day(d.createdAt)}</span>}
                {d.dueAt && <span>Hẹn trả {day(d.dueAt)}</span>}
                {d.fee > 0 && !d.paid && <span>Phí {money(d.fee)} chưa nộp</span>}
                {d.status === 'NEEDS_SUPPLEMENT' && d.supplementDueAt && <strong className="error">Hạn bổ sung {day(d.supplementDueAt)}</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
