import { useEffect, useState } from 'react';
import { api, type Dossier } from './api';
import { Documents, Rating } from './Outcome';
import { PayPanel } from './PayPanel';
import { href, onLinkClick } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { SupplementDeadline } from './SupplementDeadline';
import { SupplementPanel } from './SupplementPanel';
import { day, money, RESULT_TEXT, STATUS_TEXT } from './text';

/** The citizen's own dossier: its code, appointment, receipt, fee by QR, result and rating. */
export function DossierPage({ code }: { code: string }) {
  const session = useSession();
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

  if (!session) return <SignIn why="Đăng nhập để xem hồ sơ của Ông/Bà." />;
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!d) return <p role="status">Đang tải…</p>;
  // A result handed over only at the desk is not downloaded (RESULT_TEXT says where to collect it).
  const online = (d.result ?? 'electronic') === 'electronic';
  const docs = [d.receivedAt ? 'receipt' : null, online && ['RESULT_READY', 'DELIVERED'].includes(d.status) ? 'result' : null].filter((x): x is string => !!x);
  return (
    <section aria-labelledby="dossier-title">
      {fresh && (
        <p className="panel ok" role="status">
          Đã nộp hồ sơ thành công. Ông/Bà ghi lại mã hồ sơ để tra cứu.
        </p>
      )}
      <h1 id="dossier-title">
        Hồ sơ <span className="code" data-testid="dossier-code">{d.code}</span>
      </h1>
      <dl className="facts big">
        <div>
          <dt>Tình trạng</dt>
          <dd data-testid="status">{STATUS_TEXT[d.status] ?? d.status}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả kết quả</dt>
          <dd data-testid="due">{d.dueAt ? day(d.dueAt, true) : 'Sẽ có khi Bộ phận Một cửa tiếp nhận hồ sơ (ghi trên giấy tiếp nhận)'}</dd>
        </div>
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>{d.fee > 0 ? `${money(d.fee)} — ${d.paid ? 'đã nộp' : 'chưa nộp'}` : 'Miễn phí'}</dd>
        </div>
        <div>
          <dt>Cách nhận kết quả</dt>
          <dd data-testid="result-kind">{RESULT_TEXT[d.result ?? 'electronic']}</dd>
        </div>
      </dl>
      {d.fee > 0 && !d.paid && d.status === 'AWAITING_PAYMENT' && <PayPanel code={d.code} onPaid={() => api.dossier(code).then(setD, () => {})} />}
      {d.fee > 0 && !d.paid && d.status !== 'AWAITING_PAYMENT' && !['DELIVERED', 'REJECTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'CANCELLED'].includes(d.status) && (
        <p className="note">Mã QR nộp phí sẽ hiện ở đây khi hồ sơ đến bước nộp phí.</p>
      )}
      {supplemented && (
        <p className="panel ok" role="status">
          Đã gửi bổ sung. Hồ sơ tiếp tục được giải quyết.
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
      {d.attachments && d.attachments.length > 0 && (
        <section className="panel" aria-labelledby="attachments-title">
          <h2 id="attachments-title">Tệp đã nộp</h2>
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                {a.name} ({Math.ceil(a.size / 1024)} KB)
              </li>
            ))}
          </ul>
        </section>
      )}
      <Documents code={d.code} kinds={docs} />
      {d.status === 'DELIVERED' && <Rating code={d.code} />}
      <p className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          In trang này
        </button>
        <a className="button secondary" href={href('/tra-cuu', `ma=${encodeURIComponent(d.code)}`)} onClick={onLinkClick}>
          Tra cứu bằng mã hồ sơ
        </a>
      </p>
    </section>
  );
}
