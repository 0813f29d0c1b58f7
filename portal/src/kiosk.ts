/**
 * Kiosk mode (`?kiosk=1`): large type and touch targets, browsing by category, and an idle reset
 * that wipes everything personal. `&idle=N` sets the idle time in seconds (default 120), for tests.
 */
const params = new URLSearchParams(location.search);
const kiosk = params.get('kiosk') === '1';
const idleSeconds = Math.max(1, Number(params.get('idle')) || 120);

export const isKiosk = () => kiosk;

/** The query string that keeps kiosk mode across navigation. */
export const kioskQuery = () => (kiosk ? `kiosk=1${params.has('idle') ? `&idle=${idleSeconds}` : ''}` : '');

/**
 * Starts the idle watch: after `idle` seconds without a touch, key or scroll, start over.
 * `signOut` ends the citizen's session on the server first (api.ts `logOut`).
 */
export function watchIdle(signOut: () => void) {
  if (!kiosk) return;
  let timer = 0;
  const reset = () => {
    signOut();
    // Drafts and the session live in sessionStorage (the session only in memory at a kiosk).
    sessionStorage.clear();
    // A full reload: no React state, token or draft survives.
    location.replace(`/?${kioskQuery()}`);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = window.setTimeout(reset, idleSeconds * 1000);
  };
  for (const e of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart']) window.addEventListener(e, arm, { passive: true, capture: true });
  arm();
}
