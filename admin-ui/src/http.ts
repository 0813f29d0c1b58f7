import { fetchUtils, HttpError } from 'react-admin';
import { session } from './session';

export const API = '/api';

export const authHeaders = (): Record<string, string> => {
  const token = session.get()?.token;
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/**
 * fetchJson with the bearer token; a problem+json error becomes an HttpError whose message is
 * the API's `detail` (the reason a workflow refused an action), shown as is in notifications.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  for (const [k, v] of Object.entries(authHeaders())) headers.set(k, v);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    if (e instanceof HttpError) {
      const body = e.body as { detail?: string; title?: string } | undefined;
      throw new HttpError(body?.detail ?? body?.title ?? e.message, e.status, e.body);
    }
    throw e;
  }
}

/** A PDF (or other binary) behind the bearer token, opened in a new tab. */
export async function openDocument(path: string) {
  const tab = window.open('', '_blank');
  const res = await fetch(`${API}${path}`, { headers: authHeaders() });
  if (!res.ok) {
    tab?.close();
    const body = (await res.json().catch(() => ({}))) as { detail?: string };
    throw new Error(body.detail ?? res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.href = url;
}
