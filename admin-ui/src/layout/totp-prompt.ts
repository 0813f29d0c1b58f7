import { useSyncExternalStore } from 'react';

/**
 * Whether the sign-in form shows the code field: the API asked for a code (401 totp-required)
 * for the account being signed in. Shared by the auth provider, which learns it, and the sign-in
 * page, which shows the field; a page load starts without it.
 */
let asked = false;
const listeners = new Set<() => void>();

export const totpPrompt = {
  ask() {
    asked = true;
    listeners.forEach((l) => l());
  },
  useAsked: () =>
    useSyncExternalStore(
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      () => asked,
    ),
};
