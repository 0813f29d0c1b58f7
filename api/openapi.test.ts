import { describe, expect, it } from 'vitest';
import { actionBodySchemas, ACTIONS } from '../domain/actions';
import { getProcedure } from '../procedures';
import { API_ROUTES, buildOpenApi } from './openapi';
import { submitSchema } from './routes/dossiers.routes';

describe('the OpenAPI document', () => {
  const doc = buildOpenApi();

  it('gives a valid example body for every action', () => {
    const schemas = doc.components.schemas as Record<string, { examples?: unknown[] }>;
    for (const a of ACTIONS) {
      const [example] = schemas[`action.${a}`]?.examples ?? [];
      expect(actionBodySchemas[a].safeParse(example).success, a).toBe(true);
    }
  });

  it('gives a submission example that its procedure accepts', () => {
    const example = API_ROUTES.find((r) => r.method === 'post' && r.path === '/dossiers')?.example;
    const body = submitSchema.parse(example);
    expect(getProcedure(body.procedureCode)?.form.safeParse(body.form).success).toBe(true);
  });

  it('declares a response schema for every JSON answer but the statistics', () => {
    // A 303 (the sign-in navigations) answers no body at all.
    const untyped = API_ROUTES.filter((r) => (r.produces ?? 'application/json') === 'application/json' && r.success !== 303 && !r.response).map((r) => `${r.method} ${r.path}`);
    expect(untyped).toEqual(['get /openapi.json', 'get /stats/overdue', 'get /stats/summary']);
  });
});
