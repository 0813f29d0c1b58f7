import { API, httpClient } from '../http';

/** The caller's two-step verification, as GET /api/auth/totp answers it. */
export interface TotpStatus {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
}
export interface TotpEnrolment {
  secret: string;
  uri: string;
  qrPng: string;
}

const post = (path: string, body?: unknown) => httpClient(`${API}/auth/totp/${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) }).then((r) => r.json);

export const totpApi = {
  status: (): Promise<TotpStatus> => httpClient(`${API}/auth/totp`).then((r) => r.json as TotpStatus),
  enrol: (): Promise<TotpEnrolment> => post('enrol'),
  activate: (code: string): Promise<{ recoveryCodes: string[] }> => post('activate', { code }),
  disable: (code: string): Promise<unknown> => post('disable', { code }),
};
