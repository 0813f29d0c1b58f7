import { describe, expect, it } from 'vitest';
import type { DossierRow } from '../db/schema';
import { defineAbilityFor } from '../domain/ability';
import { dossierListItem } from './dossier-list-view';
import { dossierView } from './dossier-view';
import { dossierListItemResponse } from './openapi-responses';

const at = (iso: string) => new Date(iso);
const row = {
  code: 'H38.02647-251201-0001',
  procedureCode: '1.001193',
  status: 'IN_REVIEW',
  channel: 'online',
  applicantName: 'Phan Văn Khoa',
  applicantIdNumber: '010203004211',
  applicantPhone: '0912345678',
  applicantEmail: 'khoa@example.vn',
  applicantAddress: 'Phường Lào Cai',
  applicantUserId: 'u-citizen',
  helperUserId: null,
  form: { householdHeadIdNumber: '010203004211' },
  receivingAgencyCode: '02647',
  agencyCode: '02647',
  assigneeId: 'u-spec',
  receivedAt: at('2025-12-01T01:00:00Z'),
  dueAt: at('2025-12-03T10:00:00Z'),
  stageDueAt: null,
  finishedAt: null,
  fee: 20000,
  paid: false,
  createdAt: at('2025-12-01T00:59:00Z'),
  updatedAt: at('2025-12-01T01:00:00Z'),
  state: {
    procedureVersion: 1, status: 'IN_REVIEW', missing: [], supplementDueAt: null, paymentDueAt: Date.parse('2025-12-04T10:00:00Z'), extended: false,
    shares: [{ agencyCode: '02647', enteredAt: Date.parse('2025-12-01T01:00:00Z'), leftAt: null, dueAt: null }], rating: null,
  },
} as unknown as DossierRow;

describe('a row of GET /api/dossiers', () => {
  it('is exactly the list schema: no form, no personal field but the name, no allowed actions', () => {
    const item = dossierListItem(row);
    expect(() => dossierListItemResponse.strict().parse(item)).not.toThrow();
    expect(item.applicant).toEqual({ fullName: 'Phan Văn Khoa' });
    expect(item).not.toHaveProperty('form');
    expect(item).not.toHaveProperty('allowedActions');
    expect(item.overdue).toBe(true);
  });

  it('answers every field it carries as the dossier page does', () => {
    const ability = defineAbilityFor({ id: 'u-spec', role: 'specialist', agencyCode: '02647', subtree: ['02647'] });
    const actor = { id: 'u-spec', role: 'specialist' as const, agencyCode: '02647', name: 'Trần Văn Minh' };
    const page = dossierView(row, ability, actor, { at: () => undefined });
    const item = dossierListItem(row);
    for (const [field, value] of Object.entries(item)) {
      if (field === 'applicant') expect(page.applicant.fullName).toBe(item.applicant.fullName);
      else expect([field, page[field as keyof typeof page]]).toEqual([field, value]);
    }
  });
});
