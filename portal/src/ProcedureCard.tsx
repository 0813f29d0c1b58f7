import type { Procedure } from './api';
import { href, onLinkClick } from './router';
import { pick, useT } from './i18n';
import { deadlineText, levelText, money } from './text';

export function ProcedureCard({ p }: { p: Procedure }) {
  const t = useT();
  const fee = p.fee === p.feeOnline ? money(p.fee) : t('card.feeSplit', { online: money(p.feeOnline), counter: money(p.fee) });
  return (
    <article className="card" aria-labelledby={`p-${p.code}`}>
      <h3 id={`p-${p.code}`}>{pick(p.name)}</h3>
      <p className="meta">
        <span className="badge">{pick(p.field)}</span>
        {p.fullProcessOnline ? <span className="badge ok">{t('card.fullOnline')}</span> : <span className="badge">{t('card.partialOnline')}</span>}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('common.level')}</dt>
          <dd>{levelText(p.level)}</dd>
        </div>
        <div>
          <dt>{t('common.fee')}</dt>
          <dd>{fee}</dd>
        </div>
        <div>
          <dt>{t('card.deadline')}</dt>
          <dd>{deadlineText(p.deadline)}</dd>
        </div>
      </dl>
      <details>
        <summary>{t('card.docs', { n: p.requiredDocuments.length })}</summary>
        <ul>
          {p.requiredDocuments.map((d) => (
            <li key={d.vi}>{pick(d)}</li>
          ))}
        </ul>
      </details>
      <p className="actions">
        <a className="button" href={href(`/nop-ho-so/${p.code}`)} onClick={onLinkClick}>
          {t('common.fileOnline')}
        </a>
        <a className="button secondary" href={href(`/thu-tuc/${p.code}`)} onClick={onLinkClick}>
          {t('card.guide')}
        </a>
      </p>
    </article>
  );
}
