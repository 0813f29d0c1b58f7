import { lazy, Suspense, useEffect } from 'react';
import { logOut } from './api';
import { DisplayBar } from './DisplayBar';
import { useT } from './i18n';
import { useSession } from './session';
import { Finder } from './Finder';
import { isKiosk } from './kiosk';
import { KioskBar } from './KioskBar';
import { href, onLinkClick, useLocation } from './router';

const GuideSheet = lazy(() => import('./GuideSheet').then((m) => ({ default: m.GuideSheet })));
const SubmitPage = lazy(() => import('./SubmitPage').then((m) => ({ default: m.SubmitPage })));
const DossierPage = lazy(() => import('./DossierPage').then((m) => ({ default: m.DossierPage })));
const TrackPage = lazy(() => import('./TrackPage').then((m) => ({ default: m.TrackPage })));
const VerifyPage = lazy(() => import('./VerifyPage').then((m) => ({ default: m.VerifyPage })));
const KioskFiling = lazy(() => import('./KioskFiling').then((m) => ({ default: m.KioskFiling })));
const MyDossiers = lazy(() => import('./MyDossiers').then((m) => ({ default: m.MyDossiers })));
const SignInPage = lazy(() => import('./SignInPage').then((m) => ({ default: m.SignInPage })));
const Advisor = lazy(() => import('./Advisor').then((m) => ({ default: m.Advisor })));
const StorePage = lazy(() => import('./StorePage').then((m) => ({ default: m.StorePage })));
const FiguresPage = lazy(() => import('./FiguresPage').then((m) => ({ default: m.FiguresPage })));


/**
 * A receipt's QR: the owner signed in sees the dossier; anyone else the lookup with the code filled
 * in (the phone is the second key, so the code alone shows nothing).
 */
function ReceiptQrPage({ code }: { code: string }) {
  const session = useSession();
  return session ? <DossierPage code={code} /> : <TrackPage code={code} phone="" />;
}

function Page() {
  const { path, query } = useLocation();
  const session = useSession();
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/thu-tuc\/([\w.]+)$/))) return <GuideSheet code={m[1]!} />;
  if ((m = path.match(/^\/nop-ho-so\/([\w.]+)$/))) return isKiosk() && !session ? <KioskFiling code={m[1]!} /> : <SubmitPage code={m[1]!} />;
  if ((m = path.match(/^\/ho-so\/([\w.-]+)$/))) return <DossierPage code={m[1]!} />;
  if ((m = path.match(/^\/xac-minh\/([A-Z0-9]{16})$/))) return <VerifyPage code={m[1]!} />;
  // The lookup address printed under the QR of an unsigned receipt (api/routes/documents.routes.ts lookupUrl).
  if ((m = path.match(/^\/tra-cuu\/([\w.-]+)$/))) return <ReceiptQrPage code={m[1]!} />;
  if (path === '/ho-so-cua-toi') return <MyDossiers />;
  if (path === '/kho-du-lieu') return <StorePage />;
  if (path === '/dang-nhap') return <SignInPage />;
  if (path === '/tra-cuu') return <TrackPage code={query.get('ma') ?? ''} phone={query.get('sdt') ?? ''} />;
  if (path === '/so-lieu') return <FiguresPage />;
  if (path === '/tu-van') return <Advisor key={query.toString()} start={{ tile: query.get('o'), q: query.get('q') }} />;
  return <Finder />;
}

export function App() {
  const session = useSession();
  const t = useT();
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, []);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top no-print">
        <a href={href('/')} onClick={onLinkClick} className="brand">
          <span aria-hidden="true" className="logo">
            ★
          </span>
          {t('app.brand')}
        </a>
        <nav aria-label={t('app.nav')}>
          <a href={href('/')} onClick={onLinkClick}>
            {t('nav.finder')}
          </a>
          <a href={href('/tu-van')} onClick={onLinkClick}>
            {t('nav.advisor')}
          </a>
          <a href={href('/tra-cuu')} onClick={onLinkClick}>
            {t('nav.track')}
          </a>
          <a href={href('/so-lieu')} onClick={onLinkClick}>
            {t('nav.figures')}
          </a>
          {session ? (
            <>
              <a href={href('/ho-so-cua-toi')} onClick={onLinkClick}>
                {t('nav.mine')}
              </a>
              {session.user.role === 'citizen' && (
                <a href={href('/kho-du-lieu')} onClick={onLinkClick}>
                  {t('nav.store')}
                </a>
              )}
              <button type="button" className="link" onClick={() => logOut()}>
                {t('nav.signOut', { name: session.user.fullName })}
              </button>
            </>
          ) : (
            // No password prompt at a shared kiosk: filing and «my dossiers» belong on the citizen's own phone.
            !isKiosk() && (
              <a href={href('/dang-nhap')} onClick={onLinkClick}>
                {t('nav.signIn')}
              </a>
            )
          )}
        </nav>
        <DisplayBar />
      </header>
      <KioskBar />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Page />
        </Suspense>
      </main>
      <footer className="no-print">
        {isKiosk() ? t('footer.kiosk') : t('footer.office')}
      </footer>
    </>
  );
}
