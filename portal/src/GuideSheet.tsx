import { useEffect, useState } from 'react';
import { api, guideAudioUrl, type Procedure } from './api';
import { ListenButton } from './ListenButton';
import { isKiosk, useIdlePause } from './kiosk';
import { href, onLinkClick } from './router';
import { deadlineText, levelText, money, resultKindOf, resultText } from './text';
import { pick, useT } from './i18n';

/** The printable guidance sheet: checklist, fee, where and how to submit, a QR to the online form. */
export function GuideSheet({ code }: { code: string }) {
  const t = useT();
  const [p, setP] = useState<Procedure | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState('');
  const formUrl = `${location.origin}/nop-ho-so/${code}`;
  // Reading or printing the sheet at a kiosk is not idling.
  useIdlePause();

  useEffect(() => {
    api.procedure(code).then(setP, (e: Error) => setError(e.message));
    // The QR encoder is loaded only here, so the first page stays light.
    import('qrcode').then((QR) => QR.toDataURL(formUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' })).then(setQr, () => setQr(''));
  }, [code, formUrl]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!p) return <p role="status">{t('common.loading')}</p>;
  return (
    <article className="sheet" aria-labelledby="sheet-title">
      <p className="sheet-head">{t('common.sheetHead')}</p>
      <h1 id="sheet-title">{pick(p.name)}</h1>
      <p className="meta">{t('sheet.code', { code: p.code, field: pick(p.field) })}</p>
      <ListenButton src={guideAudioUrl(p.code)} what={t('common.sheetWhat')} />
      <div className="sheet-grid">
        <section>
          <h2>{t('common.prepare')}</h2>
          <ul className="checklist">
            {p.requiredDocuments.map((d) => (
              <li key={d.vi}>
                <span aria-hidden="true" className="box" /> {pick(d)}
              </li>
            ))}
          </ul>
          <h2>{t('sheet.feesAndDeadline')}</h2>
          <ul>
            <li>{t('sheet.feeLine', { fee: p.fee === p.feeOnline ? money(p.fee) : t('sheet.feeSplit', { counter: money(p.fee), online: money(p.feeOnline) }) })}</li>
            <li>{t('sheet.deadlineLine', { deadline: deadlineText(p.deadline) })}</li>
            <li>{t('sheet.levelLine', { level: levelText(p.level) })}</li>
            <li>{t('sheet.resultLine', { result: resultText(resultKindOf(p.stages)) })}</li>
          </ul>
          <h2>{t('sheet.whereHow')}</h2>
          <ul>
            <li>
              <strong>{t(p.fullProcessOnline ? 'sheet.onlineFull' : 'sheet.online')}</strong> {t('sheet.onlineText', { url: formUrl })}{' '}
              {t(p.fullProcessOnline ? 'sheet.onlineFullText' : 'sheet.onlinePartialText')}
            </li>
            <li>
              <strong>{t('sheet.inPerson')}</strong> {t('sheet.inPersonText')}
              {p.level === 'province' && ` ${t('sheet.provinceNote')}`}
            </li>
            {p.fee > 0 && (
              <li>
                <strong>{t('sheet.pay')}</strong> {t('sheet.payText')}
              </li>
            )}
            <li>
              <strong>{t('sheet.track')}</strong> {t('sheet.trackText')}
            </li>
          </ul>
        </section>
        <aside className="qr">
          {qr ? <img src={qr} width={200} height={200} alt={t('sheet.qrAlt', { url: formUrl })} /> : <div className="qr-placeholder" />}
          <p>{t('sheet.scan')}</p>
        </aside>
      </div>
      <p className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('sheet.print')}
        </button>
        {/* At a kiosk, filing means this very sheet (KioskFiling.tsx), so no link to it. */}
        {!isKiosk() && (
          <a className="button secondary" href={href(`/nop-ho-so/${p.code}`)} onClick={onLinkClick}>
            {t('common.fileOnline')}
          </a>
        )}
      </p>
    </article>
  );
}
