import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { api, guideAudioUrl, type Procedure } from './api';
import { COMMUNES, oneStopOffice } from './communes';
import { isKiosk, kioskCommune, useIdlePause } from './kiosk';
import { ListenButton } from './ListenButton';
import { href, onLinkClick } from './router';
import { day, deadlineText, levelText, money } from './text';
import { pick, Rich, useT } from './i18n';
import type { MessageKey } from './i18n/vi';

/** The amount and kind /api/calendar/due counts a procedure's deadline in; null when it states none. */
function dueQuery(d: Procedure['deadline']): [string, number?] | null {
  if (d.kind === 'same-day') return ['same-day'];
  if (d.kind === 'working-hours' && d.workingDays !== null) return ['working-hours', Math.round(d.workingDays * 8 * 100) / 100];
  if (d.workingDays !== null) return ['working-days', d.workingDays];
  if (d.calendarDays !== undefined) return ['calendar-days', d.calendarDays];
  return null;
}

const ONLINE_TEXT: Record<'full' | 'partial' | 'counter', MessageKey> = {
  full: 'online.fullLong',
  partial: 'online.partialLong',
  counter: 'online.counterLong',
};

/**
 * What the advisor shows once one procedure stands out (issue 15 §1): the checklist, the fee,
 * the deadline with the day the result is expected if filed today, the commune's one-stop office,
 * the online level, and three big buttons. There is no queue-ticket system: «Lấy số thứ tự»
 * prints the checklist with a note to take a number at the counter.
 */
export function AdvisorGuide({ code }: { code: string }) {
  const t = useT();
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
  if (!p) return <p role="status">{t('guide.loading')}</p>;
  const place = COMMUNES.find((c) => c.code === commune);
  const where = place && oneStopOffice(place.name);
  const online = p.fullProcessOnline ? 'full' : p.portalIntegrated ? 'partial' : 'counter';
  const fee = p.fee === p.feeOnline ? money(p.fee) : t('guide.feeSplit', { counter: money(p.fee), online: money(p.feeOnline) });
  return (
    <article className="sheet advisor-guide" aria-labelledby="guide-title" data-testid="advisor-guide">
      <p className="sheet-head">{t('common.sheetHead')}</p>
      <h2 id="guide-title">{pick(p.name)}</h2>
      <p className="meta">
        {t('guide.code', { code: p.code, level: levelText(p.level) })}
      </p>
      <ListenButton src={guideAudioUrl(p.code)} what={t('common.sheetWhat')} />
      {queueNote && (
        <p className="queue-note" data-testid="queue-note">
          <strong>{t('guide.queueStrong')}</strong> {t('guide.queueText')}
        </p>
      )}
      <h3>{t('common.prepare')}</h3>
      <ul className="checklist" data-testid="advisor-checklist">
        {p.requiredDocuments.map((d, i) => (
          <li key={`${i}-${d.vi}`}>
            <span aria-hidden="true" className="box" /> {pick(d)}
          </li>
        ))}
        {p.requiredDocuments.length === 0 && <li>{t('guide.noDocs')}</li>}
      </ul>
      <dl className="facts big">
        <div>
          <dt>{t('common.fee')}</dt>
          <dd>{fee}</dd>
        </div>
        <div>
          <dt>{t('common.deadline')}</dt>
          <dd>
            {deadlineText(p.deadline)}
            {due && (
              <>
                {' '}
                <Rich k="guide.expected" parts={{ date: <strong data-testid="expected-return">{day(due, p.deadline.kind === 'working-hours' || p.deadline.kind === 'same-day')}</strong> }} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('guide.onlineLevel')}</dt>
          <dd>{t(ONLINE_TEXT[online])}</dd>
        </div>
        <div>
          <dt>{t('guide.where')}</dt>
          <dd>
            {where ? (
              <>
                {where.office}
                <br />
                <span data-testid="office-address">{where.address}</span>
                <br />
                {t('guide.hours')}
              </>
            ) : (
              t('guide.whereDefault')
            )}
            {p.level === 'province' && ` ${t('guide.provinceNote')}`}
          </dd>
        </div>
      </dl>
      {!kioskCommune() && (
        <label className="no-print">
          {t('guide.residence')}
          <select
            value={commune}
            onChange={(e) => {
              setCommune(e.target.value);
              sessionStorage.setItem('motcua.commune', e.target.value);
            }}
          >
            <option value="">{t('common.pickCommune')}</option>
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
          {isKiosk() ? t('guide.fileKiosk') : t('common.fileOnline')}
        </a>
        <button type="button" className="big secondary" onClick={() => print(false)}>
          {t('guide.printList')}
        </button>
        <button type="button" className="big secondary" onClick={() => print(true)}>
          {t('guide.queue')}
        </button>
      </p>
      <p className="note no-print">{t('guide.queueExplain')}</p>
    </article>
  );
}
