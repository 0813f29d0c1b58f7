import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import { API, httpClient } from './http';
import type { Attachment, Dossier, DossierEvent, StuckDossier } from './types';

const base = simpleRestProvider(API, httpClient);

/** Dossiers and procedures are identified by their code; react-admin wants an `id`. */
const withId = <T extends { code: string }>(r: T) => ({ ...r, id: r.code });

/**
 * The catalogue (~1,600 procedures) is paged, filtered and searched by the server; only its sort
 * fields differ from the list's column names.
 */
async function listProcedures(params: GetListParams) {
  const { field = 'code', order = 'ASC' } = params.sort ?? {};
  const sort = { field: field === 'name' ? 'nameVi' : 'code', order };
  const res = await base.getList('procedures', { ...params, sort });
  return { ...res, data: res.data.map((r) => withId(r as never)) };
}

export interface MotcuaDataProvider extends DataProvider {
  act(code: string, action: string, body: Record<string, unknown>): Promise<Dossier>;
  events(code: string): Promise<DossierEvent[]>;
  attachments(code: string): Promise<Attachment[]>;
  /** Uploads one file (POST /api/attachments): a step's own document, e.g. a site inspection's minutes. */
  upload(file: File): Promise<Attachment>;
  stats<T>(path: 'overdue' | 'summary' | 'timeliness', query?: Record<string, string>): Promise<T>;
  /** Deactivates (every session of the user ends) or reactivates a user; answers the user. */
  setUserActive(id: string, active: boolean): Promise<RaRecord>;
  repair(code: string, mode: 'retry' | 'close', reason: string): Promise<StuckDossier>;
}

export const dataProvider: MotcuaDataProvider = {
  ...base,
  async getList(resource, params) {
    if (resource === 'procedures') return listProcedures(params) as never;
    // Stuck dossiers are served under the dossiers: GET /api/dossiers/stuck.
    if (resource === 'stuck-dossiers') {
      const res = await base.getList('dossiers/stuck', params);
      return { ...res, data: res.data.map((r) => withId(r as never)) } as never;
    }
    const res = await base.getList(resource, params);
    return resource === 'dossiers' ? { ...res, data: res.data.map((r) => withId(r as never)) } : res;
  },
  async getOne(resource, params) {
    if (resource === 'procedures' || resource === 'dossiers') {
      const { json } = await httpClient(`${API}/${resource}/${encodeURIComponent(String(params.id))}`);
      return { data: withId(json) } as never;
    }
    return base.getOne(resource, params);
  },
  async getMany(resource, params) {
    if (resource === 'procedures') {
      const ids = params.ids.map(String);
      const res = await base.getList('procedures', { filter: { code: ids }, pagination: { page: 1, perPage: Math.max(ids.length, 1) }, sort: { field: 'code', order: 'ASC' } });
      return { data: res.data.map((r) => withId(r as never)) } as never;
    }
    if (resource === 'dossiers') {
      const data = await Promise.all(params.ids.map((id) => dataProvider.getOne<RaRecord>('dossiers', { id }).then((r) => r.data)));
      return { data } as never;
    }
    return base.getMany(resource, params);
  },
  async create(resource, params) {
    if (resource !== 'dossiers') return base.create(resource, params);
    // The Idempotency-Key makes a double click (or a retried request) create one dossier, not two.
    const key = (params.meta?.idempotencyKey as string | undefined) ?? `desk-${crypto.randomUUID()}`;
    const { json } = await httpClient(`${API}/dossiers`, {
      method: 'POST',
      body: JSON.stringify(params.data),
      headers: new Headers({ 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key }),
    });
    return { data: withId(json) } as never;
  },
  async act(code, action, body) {
    const { json } = await httpClient(`${API}/dossiers/${encodeURIComponent(code)}/actions/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    });
    return withId(json) as Dossier;
  },
  async repair(code, mode, reason) {
    const { json } = await httpClient(`${API}/dossiers/${encodeURIComponent(code)}/repair`, {
      method: 'POST',
      body: JSON.stringify({ mode, reason }),
      headers: new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    });
    return withId(json) as StuckDossier;
  },
  async events(code) {
    const { json } = await httpClient(`${API}/dossiers/${encodeURIComponent(code)}/events`);
    return json as DossierEvent[];
  },
  async attachments(code) {
    const { json } = await httpClient(`${API}/dossiers/${encodeURIComponent(code)}/attachments`);
    return json as Attachment[];
  },
  async upload(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    const { json } = await httpClient(`${API}/attachments`, { method: 'POST', body: form });
    return (json as Attachment[])[0]!;
  },
  async setUserActive(id, active) {
    const { json } = await httpClient(`${API}/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
    return json as RaRecord;
  },
  async stats(path, query = {}) {
    const qs = new URLSearchParams(query).toString();
    const { json } = await httpClient(`${API}/stats/${path}${qs ? `?${qs}` : ''}`);
    return json;
  },
};
