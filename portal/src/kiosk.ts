import { useEffect, useSyncExternalStore } from 'react';

/**
 * Kiosk mode (`?kiosk=1`): large type and touch targets, browsing by category, and an idle reset
 * that wipes everything personal. `&idle=N` sets the idle time in seconds (default 120), for
 * tests; the last `&warn=N` seconds of it (default a sixth, at most 20) ask «Bạn còn đó không?».
 */
const params = new URLSearchParams(location.search);
const kiosk = params.get('kiosk') === '1';
const idleSeconds = Math.max(1, Number(params.get('idle')) || 120);
const warnSeconds = Math.min(idleSeconds, Math.max(1, Number(params.get('warn')) || Math.min(20, Math.round(idleSeconds / 6))));

export const isKiosk = () => kiosk;
export const kioskCommune = () => (kiosk ? commune : null);

/** The kiosk's own commune (`&xa=02683`): where its advisor sends visitors (portal/src/communes.ts). */
const commune = /^[\w.]{1,32}$/.test(params.get('xa') ?? '') ? params.get('xa')! : null;

/** The query string that keeps kiosk mode (and its commune) across navigation. */
export const kioskQuery = () =>
  kiosk ? `kiosk=1${params.has('idle') ? `&idle=${idleSeconds}` : ''}${params.has('warn') ? `&warn=${warnSeconds}` : ''}${commune ? `&xa=${commune}` : ''}` : '';

/** Seconds left before the reset while the warning shows; null while the visitor is active. */
let left: number | null = null;
const listeners = new Set<() => void>();
const set = (v: number | null) => {
  left = v;
  listeners.forEach((fn) => fn());
};
let paused = 0;
let timer = 0;
let reset = () => {};

function arm() {
  clearTimeout(timer);
  if (left !== null) set(null);
  if (!kiosk || paused > 0) return;
  timer = window.setTimeout(() => countdown(warnSeconds), (idleSeconds - warnSeconds) * 1000);
}

function countdown(n: number) {
  if (n <= 0) return reset();
  set(n);
  timer = window.setTimeout(() => countdown(n - 1), 1000);
}

/**
 * Starts the idle watch: after `idle` seconds without a touch, key or scroll, start over.
 * `signOut` ends the citizen's session on the server first (api.ts `logOut`).
 */
export function watchIdle(signOut: () => void) {
  if (!kiosk) return;
  reset = () => {
    signOut();
    // Drafts and the session live in sessionStorage (the session only in memory at a kiosk).
    sessionStorage.clear();
    // The visitor's language and display choices (i18n/, display.ts) are theirs, not the next visitor's.
    for (const k of Object.keys(localStorage)) if (k.startsWith('motcua.portal.')) localStorage.removeItem(k);
    // The history entry's state too (the finder's field): Chromium keeps it across a same-URL replace.
    history.replaceState(null, '');
    // A full reload: no React state, token or draft survives. Through the API's logout at the
    // identity issuer (api/routes/oidc.routes.ts): a citizen who signed in there has their issuer
    // session ended too, or the next visitor would be signed in as them without a password; the
    // issuer sends the kiosk back to its start (anyone else goes straight there).
    location.replace(`/api/auth/oidc/logout?tiep=${encodeURIComponent(`/?${kioskQuery()}`)}`);
  };
  // Activity re-arms the watch, except while the warning shows: then only a tap on it (its
  // «Tiếp tục» or its backdrop) continues, so a press never falls through to the page beneath.
  const active = () => left === null && arm();
  for (const e of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart']) window.addEventListener(e, active, { passive: true, capture: true });
  // Printing takes the visitor's attention off the screen: no reset under the printer.
  window.addEventListener('beforeprint', () => paused++);
  window.addEventListener('afterprint', () => {
    paused = Math.max(0, paused - 1);
    arm();
  });
  arm();
}

/** «Tiếp tục» on the warning: the visitor is still here. */
export const stillHere = () => arm();

/** Seconds before the reset while «Bạn còn đó không?» shows, else null. */
export const useIdleWarning = () =>
  useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    () => left,
  );

/**
 * No idle reset while this page shows (the guidance sheet a visitor reads or prints): reading
 * is not idling, and the page holds nothing personal.
 */
export function useIdlePause(on = true) {
  useEffect(() => {
    if (!kiosk || !on) return;
    paused++;
    arm();
    return () => {
      paused--;
      arm();
    };
  }, [on]);
}
