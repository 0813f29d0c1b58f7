import type { Procedure } from './api';
import { href, onLinkClick } from './router';
import { LEVEL_TEXT, money } from './text';

export function ProcedureCard({ p }: { p: Procedure }) {
  const fee = p.fee === p.feeOnline ? money(p.fee) : `${money(p.feeOnline)} trực tuyến · ${money(p.fee)} tại quầy`;
  return (
    <article className="card" aria-labelledby={`p-${p.code}`}>
      <h3 id={`p-${p.code}`}>{p.name.vi}</h3>
      <p className="meta">
        <span className="badge">{p.field.vi}</span>
        {p.fullProcessOnline ? <span className="badge ok">Toàn trình trực tuyến</span> : <span className="badge">Một phần trực tuyến</span>}
      </p>
      <dl className="facts">
        <div>
          <dt>Cấp thực hiện</dt>
          <dd>{LEVEL_TEXT[p.level]}</dd>
        </div>
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>{fee}</dd>
        </div>
        <div>
          <dt>Thời hạn</dt>
          <dd>{p.deadline.workingDays === null ? 'Không quy định' : `${p.deadline.workingDays} ngày làm việc`}</dd>
        </div>
      </dl>
      <details>
        <summary>Giấy tờ cần có ({p.requiredDocuments.length})</summary>
        <ul>
          {p.requiredDocuments.map((d) => (
            <li key={d.vi}>{d.vi}</li>
          ))}
        </ul>
      </details>
      <p className="actions">
        <a className="button" href={href(`/nop-ho-so/${p.code}`)} onClick={onLinkClick}>
          Nộp hồ sơ trực tuyến
        </a>
        <a className="button secondary" href={href(`/thu-tuc/${p.code}`)} onClick={onLinkClick}>
          Xem hướng dẫn, in phiếu
        </a>
      </p>
    </article>
  );
}
