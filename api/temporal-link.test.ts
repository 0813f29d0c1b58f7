import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/roles';
import { temporalWorkflowUrl } from './temporal-link';

const ui = { baseUrl: 'http://127.0.0.1:8233/', namespace: 'default' };
const as = (role: Actor['role']): Actor => ({ id: `u-${role}`, role, agencyCode: role === 'citizen' || role === 'admin' ? null : '02647' });

describe('the link from a dossier to its workflow in the Temporal Web UI', () => {
  it('opens the workflow whose id is the dossier code, for every staff role', () => {
    for (const role of ['desk-officer', 'specialist', 'leader', 'supervisor', 'admin'] as const) {
      expect(temporalWorkflowUrl(ui, as(role), '000.00.02.H30-261201-0001')).toBe('http://127.0.0.1:8233/namespaces/default/workflows/000.00.02.H30-261201-0001');
    }
  });

  it('is never given to a citizen', () => {
    expect(temporalWorkflowUrl(ui, as('citizen'), 'X-1')).toBeNull();
  });

  it('is absent when no Web UI is configured', () => {
    expect(temporalWorkflowUrl(undefined, as('desk-officer'), 'X-1')).toBeNull();
  });

  it('keeps a code or namespace with reserved characters inside its path segment', () => {
    expect(temporalWorkflowUrl({ baseUrl: 'https://ops.example/temporal', namespace: 'lao cai' }, as('leader'), 'a/b?c')).toBe(
      'https://ops.example/temporal/namespaces/lao%20cai/workflows/a%2Fb%3Fc',
    );
  });
});
