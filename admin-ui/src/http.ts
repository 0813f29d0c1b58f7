import { fetchUtils, HttpError } from 'react-admin';
import { fieldMessage, problemLine, problemOf } from './common/problem-text';
import { i18nProvider } from './i18n';
import { session } from './session';

export const API = '/api';

export const authHeaders = (): Record<string, string> => {
  const token = session.get()?.token;
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/**
 * fetchJson with the bearer token; a problem+json error becomes an HttpError whose message is
 * the problem in the officer's language, found by its `code` (the API's English `detail` follows
 * as the technical part), so no notification shows a raw refusal. The body stays as sent.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  for (const [k, v] of Object.entries(authHeaders())) headers.set(k, v);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    if (e instanceof HttpError) {
      throw new HttpError(problemLine(i18nProvider.translate, e), e.status, forForms(e));
    }
    throw e;
  }
}

/**
 * The body react-admin's forms read: `errors` as `{ field: message }` for the inputs on screen
 * only, in the officer's language (react-admin puts them on their fields). An error set on a name
 * without an input can never be cleared, and Save then does nothing at all — what the API's
 * `[{field, message}]` list did as is. The list itself stays under `fieldErrors`; every error
 * is in the notification's detail anyway.
 */
function forForms(e: HttpError) {
  const body = (e.body ?? {}) as Record<string, unknown>;
  const list = problemOf(e).errors;
  if (!list) return body;
  const onScreen: Record<string, string> = {};
  for (const f of list) {
    if (f.field && document.querySelector(`[name="${CSS.escape(f.field)}"]`)) onScreen[f.field] ??= fieldMessage(i18nProvider.translate, f);
  }
  return { ...body, errors: Object.keys(onScreen).length ? onScreen : undefined, fieldErrors: list };
}

/**
 * A file behind the bearer token, as a Blob: a link or an iframe cannot send the token, so the
 * back office fetches the bytes itself and shows them through a blob: URL.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const res = await fetch(`${API}${path}`, { headers: authHeaders() });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(problemLine(i18nProvider.translate, new HttpError(res.statusText, res.status, body)));
  }
  return res.blob();
}

/** A PDF (or other binary) behind the bearer token, opened in a new tab. */
export async function openDocument(path: string) {
  const tab = window.open('', '_blank');
  const blob = await fetchFile(path).catch((e: Error) => {
    tab?.close();
    throw e;
  });
  const url = URL.createObjectURL(blob);
  if (tab) tab.location.href = url;
  else window.location.href = url;
}

/** Saves a file behind the bearer token under `name`, as a plain download link would. */
export async function downloadFile(path: string, name: string) {
  const url = URL.createObjectURL(await fetchFile(path));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken its own reference once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
