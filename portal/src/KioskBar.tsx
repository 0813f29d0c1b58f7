import { isKiosk, stillHere, useIdleWarning } from './kiosk';
import { Rich, useT } from './i18n';
import { navigate, useLocation } from './router';

/**
 * The kiosk's own controls: a large «Quay lại» (a touch screen has no browser Back button) and,
 * before the idle reset, «Bạn còn đó không?» with a big «Tiếp tục» and the seconds left.
 */
export function KioskBar() {
  const { path } = useLocation();
  const left = useIdleWarning();
  const t = useT();
  if (!isKiosk()) return null;
  return (
    <>
      {path !== '/' && (
        <p className="kiosk-back no-print">
          <button type="button" className="secondary back" onClick={() => (history.length > 1 ? history.back() : navigate('/'))}>
            <span aria-hidden="true">←</span> {t('kiosk.back')}
          </button>
        </p>
      )}
      {left !== null && (
        <div className="idle-backdrop no-print" onClick={(e) => e.target === e.currentTarget && stillHere()}>
          <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" className="idle-dialog">
            <h2 id="idle-title">{t('kiosk.stillThere')}</h2>
            <p id="idle-text">
              <Rich k="kiosk.resetIn" parts={{ n: <strong data-testid="idle-left">{left}</strong> }} />
            </p>
            <button type="button" className="big" autoFocus onClick={stillHere}>
              {t('kiosk.continue')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
