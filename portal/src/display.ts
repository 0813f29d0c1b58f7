import { useSyncExternalStore } from 'react';

/**
 * The header's display toggles, on every page (kiosk or not): large text scales every rem of the
 * page, high contrast swaps the colours for a black-on-white theme (styles.css). Each is a class on
 * <html>, remembered in localStorage so the next visit starts the same way.
 */
export type Toggle = 'large-text' | 'contrast';
const key = (k: Toggle) => `motcua.portal.${k}`;
const listeners = new Set<() => void>();

function stored(k: Toggle): boolean {
  try {
    return localStorage.getItem(key(k)) === '1';
  } catch {
    return false;
  }
}

/** Before the first render: the classes as last chosen. */
export function initDisplay() {
  for (const k of ['large-text', 'contrast'] as const) document.documentElement.classList.toggle(k, stored(k));
}

export function setToggle(k: Toggle, on: boolean) {
  document.documentElement.classList.toggle(k, on);
  try {
    if (on) localStorage.setItem(key(k), '1');
    else localStorage.removeItem(key(k));
  } catch {
    /* storage off: on for this page only */
  }
  listeners.forEach((fn) => fn());
}

export const useToggle = (k: Toggle) =>
  useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    () => document.documentElement.classList.contains(k),
  );
