import { useEffect, useState } from 'react';
import { ListenButton } from './ListenButton';
import { api, ApiError, type PublicDossier } from './api';
import { Documents, Rating } from './Outcome';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { PayQr } from './PayQr';
import { SupplementDeadline } from './SupplementDeadline';
import { SupplementPanel } from './SupplementPanel';
import { day, DOCUMENT_TEXT, money } from './text';

/** Track a dossier by its code and the applicant's phone, without signing in. */
export function TrackPage(props: { code: string; phone: string }) {
  const session = useSession();
  const [code, setCode] = useState(props.code);
  const [phone, setPhone] = useState(props.phone);
  const [d, setD] = useState<PublicDossier | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The signed-in citizen owns this dossier and may supplement it now. */
  const [canSupplement, setCanSupplement] = useState(false);
  const [supplemented, setSupplemented] = useState(false);

  async function lookup() {
    setBusy(true);
    setError('');
    try {
      setD(await api.lookup(code, phone));
    } catch (e) {
      setD(null);
      setError(e instanceof ApiError && e.status === 404 ? 'Không tìm thấy hồ sơ với mã và số điện thoại này. Kiểm tra lại mã hồ sơ (ví dụ 02647-260315-0001) và số điện thoại đã khai.' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (props.code && props.phone) void lookup();
    // Once, for the code and phone the link came with; later lookups are the form's.
  }, []);
  useEffect(() => {
    setCanSupplement(false);
    if (!session || d?.status !== 'NEEDS_SUPPLEMENT') return;
    let stop = false;
    api.dossier(d.code).then(
      (x) => !stop && setCanSupplement(x.status === 'NEEDS_SUPPLEMENT' && !!x.allowedActions?.includes('supplement')),
      () => undefined, // not this account's dossier: the public view only
    );
    return () => {
      stop = true;
    };
  }, [session, d?.code, d?.status]);

  const outcome = d && (d.status === 'DELIVERED' || d.status === 'RESULT_READY');
  return (
    <section aria-labelledby="track-title">
      <h1 id="track-title">Tra cứu hồ sơ</h1>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <div className="field">
          <label htmlFor="track-code">Mã hồ sơ (trên giấy tiếp nhận)</label>
          <input id="track-code" required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="track-phone">Số điện thoại đã khai khi nộp</label>
          <input id="track-phone" autoFocus={!!props.code && !props.phone} required type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Đang tra cứu…' : 'Tra cứu'}
        </button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {d && (
        <div aria-live="polite">
          <section className="panel" aria-labelledby="result-title">
            <h2 id="result-title">
              {d.procedureName} — <span className="code">{d.code}</span>
            </h2>
            <ListenButton src={`/api/public/dossiers/${encodeURIComponent(d.code)}/audio?phone=${encodeURIComponent(phone.trim())}`} what="tình trạng hồ sơ" />
            <dl className="facts big">
              <div>
                <dt>Tình trạng</dt>
                <dd data-testid="track-status">{d.statusText}</dd>
              </div>
              <div>
                <dt>Việc Ông/Bà cần làm</dt>
                <dd>{d.nextStep}</dd>
              </div>
              {d.dueAt && (
                <div>
                  <dt>Ngày hẹn trả kết quả</dt>
                  <dd>{day(d.dueAt, true)}</dd>
                </div>
              )}
              {d.fee > 0 && (
                <div>
                  <dt>Phí, lệ phí</dt>
                  <dd>
                    {money(d.fee)} — {d.paid ? 'đã nộp' : 'chưa nộp'}
                  </dd>
                </div>
              )}
            </dl>
            {d.missing.length > 0 && (
              <>
                <h3>Giấy tờ cần bổ sung</h3>
                <SupplementDeadline dueAt={d.supplementDueAt} />
                <ul className="missing">
                  {d.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            )}
            {d.status === 'NEEDS_SUPPLEMENT' && d.missing.length === 0 && <SupplementDeadline dueAt={d.supplementDueAt} />}
            {d.documents.length > 0 && <p className="note">Giấy tờ đã có: {d.documents.map((k) => DOCUMENT_TEXT[k] ?? k).join('; ')}.</p>}
          </section>
          {d.payment && (
            <section className="panel pay" aria-labelledby="track-pay-title">
              <h2 id="track-pay-title">Nộp phí bằng mã QR</h2>
              <PayQr code={d.code} pay={d.payment} />
              <p className="note">Sau khi chuyển, bấm «Tra cứu» lại để xem tình trạng đã nộp.</p>
            </section>
          )}
          {supplemented && (
            <p className="panel ok" role="status">
              Đã gửi bổ sung. Hồ sơ tiếp tục được giải quyết.
            </p>
          )}
          {d.status === 'NEEDS_SUPPLEMENT' &&
            (canSupplement ? (
              <SupplementPanel
                code={d.code}
                missing={d.missing}
                dueAt={d.supplementDueAt}
                onDone={() => {
                  setSupplemented(true);
                  void lookup();
                }}
              />
            ) : (
              !session && <SignIn why="Đăng nhập bằng tài khoản đã nộp hồ sơ để gửi giấy tờ bổ sung trực tuyến." />
            ))}
          {outcome &&
            (session ? (
              <>
                <Documents code={d.code} kinds={d.documents} />
                {d.status === 'DELIVERED' && <Rating code={d.code} />}
              </>
            ) : (
              <SignIn why="Đăng nhập bằng tài khoản đã nộp hồ sơ để tải kết quả điện tử và đánh giá mức độ hài lòng." />
            ))}
        </div>
      )}
    </section>
  );
}
