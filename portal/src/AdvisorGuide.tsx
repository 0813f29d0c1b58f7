import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { api, guideAudioUrl, type Procedure } from './api';
import { COMMUNES, oneStopOffice } from './communes';
import { isKiosk, kioskCommune, useIdlePause } from './kiosk';
import { ListenButton } from './ListenButton';
import { href, onLinkClick } from './router';
import { day, deadlineText, LEVEL_TEXT, money } from './text';

/** The amount and kind /api/calendar/due counts a procedure's deadline in; null when it states none. */
function dueQuery(d: Procedure['deadline']): [string, number?] | null {
  if (d.kind === 'same-day') return ['same-day'];
  if (d.kind === 'working-hours' && d.workingDays !== null) return ['working-hours', Math.round(d.workingDays * 8 * 100) / 100];
  if (d.workingDays !== null) return ['working-days', d.workingDays];
  if (d.calendarDays !== undefined) return ['calendar-days', d.calendarDays];
  return null;
}

const ONLINE_TEXT = {
  full: 'Toàn trình: nộp, nộp phí và nhận kết quả trực tuyến, không phải đến cơ quan',
  partial: 'Một phần: nộp hồ sơ trực tuyến, đến nhận kết quả và nộp bản chính tại quầy',
  counter: 'Chỉ nộp trực tiếp tại quầy',
};

/**
 * What the advisor shows once one procedure stands out (issue 15 §1): the checklist, the fee,
 * the deadline with the day the result is expected if filed today, the commune's one-stop office,
 * the online level, and three big buttons. There is no queue-ticket system: «Lấy số thứ tự»
 * prints the checklist with a note to take a number at the counter.
 */
export function AdvisorGuide({ code }: { code: string }) {
  const [p, setP] = useState<Procedure | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [commune, setCommune] = useState(() => kioskCommune() ?? sessionStorage.getItem('motcua.commune') ?? '');
  const [queueNote, setQueueNote] = useState(false);
  // Reading the guidance at a kiosk is not idling (as on the guidance sheet).
  useIdlePause();

  useEffect(() => {
    setP(null);
    setDue(null);
    api.procedure(code).then(
      (proc) => {
        setP(proc);
        const q = dueQuery(proc.deadline);
        if (q) api.due(...q).then((r) => setDue(r.dueAt), () => setDue(null));
      },
      (e: Error) => setError(e.message),
    );
  }, [code]);

  function print(withQueueNote: boolean) {
    // Rendered before the print dialog takes its snapshot of the page.
    flushSync(() => setQueueNote(withQueueNote));
    window.print();
  }

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!p) return <p role="status">Đang tải hướng dẫn…</p>;
  const place = COMMUNES.find((c) => c.code === commune);
  const where = place && oneStopOffice(place.name);
  const online = p.fullProcessOnline ? 'full' : p.portalIntegrated ? 'partial' : 'counter';
  const fee = p.fee === p.feeOnline ? money(p.fee) : `${money(p.fee)} tại quầy; ${money(p.feeOnline)} trực tuyến`;
  return (
    <article className="sheet advisor-guide" aria-labelledby="guide-title" data-testid="advisor-guide">
      <p className="sheet-head">ỦY BAN NHÂN DÂN TỈNH LÀO CAI — PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH</p>
      <h2 id="guide-title">{p.name.vi}</h2>
      <p className="meta">
        Mã thủ tục {p.code} · {LEVEL_TEXT[p.level]}
      </p>
      <ListenButton src={guideAudioUrl(p.code)} what="phiếu hướng dẫn" />
      {queueNote && (
        <p className="queue-note" data-testid="queue-note">
          <strong>Lấy số thứ tự tại quầy.</strong> Ông/Bà mang phiếu này và giấy tờ đến quầy tiếp nhận, lấy số thứ tự và chờ gọi.
        </p>
      )}
      <h3>Giấy tờ cần chuẩn bị</h3>
      <ul className="checklist" data-testid="advisor-checklist">
        {p.requiredDocuments.map((d, i) => (
          <li key={`${i}-${d.vi}`}>
            <span aria-hidden="true" className="box" /> {d.vi}
          </li>
        ))}
        {p.requiredDocuments.length === 0 && <li>Thủ tục không nêu giấy tờ phải nộp; hỏi cán bộ tại quầy.</li>}
      </ul>
      <dl className="facts big">
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>{fee}</dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>
            {deadlineText(p.deadline)}
            {due && (
              <>
                {' '}— nộp hôm nay, dự kiến trả kết quả <strong data-testid="expected-return">{day(due, p.deadline.kind === 'working-hours' || p.deadline.kind === 'same-day')}</strong>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Mức trực tuyến</dt>
          <dd>{ONLINE_TEXT[online]}</dd>
        </div>
        <div>
          <dt>Nộp ở đâu</dt>
          <dd>
            {where ? (
              <>
                {where.office}
                <br />
                <span data-testid="office-address">{where.address}</span>
                <br />
                Giờ làm việc: 7:00–11:30, 13:30–17:00, thứ Hai đến thứ Sáu.
              </>
            ) : (
              'Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi Ông/Bà cư trú.'
            )}
            {p.level === 'province' && ' Xã tiếp nhận và chuyển lên cơ quan cấp tỉnh; kết quả trả tại xã.'}
          </dd>
        </div>
      </dl>
      {!kioskCommune() && (
        <label className="no-print">
          Xã, phường nơi Ông/Bà cư trú
          <select
            value={commune}
            onChange={(e) => {
              setCommune(e.target.value);
              sessionStorage.setItem('motcua.commune', e.target.value);
            }}
          >
            <option value="">— Chọn xã, phường —</option>
            {COMMUNES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name.charAt(0).toUpperCase() + c.name.slice(1)}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="actions big-actions no-print">
        {/* At a kiosk no password is asked: filing there hands over the checklist and the QR (KioskFiling.tsx). */}
        <a className="button big" href={href(`/nop-ho-so/${p.code}`)} onClick={onLinkClick}>
          {isKiosk() ? 'Nộp trực tuyến (quét mã trên điện thoại)' : 'Nộp hồ sơ trực tuyến'}
        </a>
        <button type="button" className="big secondary" onClick={() => print(false)}>
          In danh sách giấy tờ
        </button>
        <button type="button" className="big secondary" onClick={() => print(true)}>
          Lấy số thứ tự
        </button>
      </p>
      <p className="note no-print">Chưa có hệ thống cấp số tự động: nút «Lấy số thứ tự» in phiếu này kèm lời dặn lấy số tại quầy.</p>
    </article>
  );
}
