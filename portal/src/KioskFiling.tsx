import { GuideSheet } from './GuideSheet';
import { useT } from './i18n';
import { kioskQuery } from './kiosk';
import { IssuerButton } from './SignIn';

/**
 * «Nộp hồ sơ trực tuyến» at a kiosk: no username and password on a shared screen (an elderly
 * visitor has neither at hand, and a shared screen is the wrong place to type them). The kiosk
 * prints the checklist and says how to file instead: from one's own phone by the sheet's QR, or at
 * the desk, where the officer enters the dossier — or sign in through the identity issuer right
 * here (no password of motcua's), which brings the citizen back to this procedure's form.
 */
export function KioskFiling({ code }: { code: string }) {
  const t = useT();
  return (
    <>
      <section className="panel kiosk-filing" aria-labelledby="kiosk-filing-title">
        <h2 id="kiosk-filing-title">{t('kioskFiling.title')}</h2>
        <p>{t('kioskFiling.intro')}</p>
        <ol>
          <li>
            <strong>{t('kioskFiling.phone')}</strong> {t('kioskFiling.phoneText')}
          </li>
          {/* Only on the screen: the printed checklist is for filing elsewhere. */}
          <li className="no-print">
            <strong>{t('kioskFiling.here')}</strong> {t('kioskFiling.hereText')}{' '}
            <IssuerButton returnTo={`/nop-ho-so/${code}?${kioskQuery()}`} />
          </li>
          <li>
            <strong>{t('kioskFiling.desk')}</strong> {t('kioskFiling.deskText')}
          </li>
        </ol>
      </section>
      <GuideSheet code={code} />
    </>
  );
}
