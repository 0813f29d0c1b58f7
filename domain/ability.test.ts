import { subject as caslSubject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor, defineScraperAbility, type AbilityUser } from './ability';
import type { Role } from './roles';

const subject = (type: string, fields: Record<string, unknown>) => caslSubject(type, fields);

const user = (role: Role, agencyCode: string | null = '02647', subtree: string[] = agencyCode ? [agencyCode, '02650'] : []): AbilityUser => ({ id: `u-${role}`, role, agencyCode, subtree });
const ability = (role: Role, agencyCode?: string | null) => defineAbilityFor(user(role, agencyCode));

/** The integration subjects the routes ask instead of comparing roles (api/routes/outbox.routes.ts, metrics.routes.ts). */
describe('integration subjects', () => {
  it('the outbox: supervisors read their subtree’s, the administrator reads and retries all', () => {
    expect(ability('supervisor').can('read', subject('Outbox', { agencyCode: '02650', receivingAgencyCode: 'X' }))).toBe(true);
    expect(ability('supervisor').can('read', subject('Outbox', { agencyCode: 'X', receivingAgencyCode: 'Y' }))).toBe(false);
    expect(ability('supervisor').can('retry', 'Outbox')).toBe(false);
    expect(ability('admin', null).can('read', subject('Outbox', { agencyCode: 'X', receivingAgencyCode: 'Y' }))).toBe(true);
    expect(ability('admin', null).can('retry', 'Outbox')).toBe(true);
    for (const role of ['citizen', 'desk-officer', 'specialist', 'leader'] as const) expect(ability(role).can('read', 'Outbox')).toBe(false);
  });

  it('notifications: officers of an agency, for it (a supervisor for the subtree); not citizens nor the administrator', () => {
    for (const role of ['desk-officer', 'specialist', 'leader'] as const) {
      expect(ability(role).can('read', subject('Notification', { agencyCode: '02647' }))).toBe(true);
      expect(ability(role).can('read', subject('Notification', { agencyCode: '02650' }))).toBe(false);
    }
    expect(ability('supervisor').can('read', subject('Notification', { agencyCode: '02650' }))).toBe(true);
    expect(ability('specialist', null).can('read', 'Notification')).toBe(false);
    expect(ability('citizen', null).can('read', 'Notification')).toBe(false);
    expect(ability('admin', null).can('read', 'Notification')).toBe(false);
  });

  it('the integration rate is the supervisors’', () => {
    expect(ability('supervisor').can('read', 'IntegrationStats')).toBe(true);
    for (const role of ['citizen', 'desk-officer', 'specialist', 'leader', 'admin'] as const) expect(ability(role).can('read', 'IntegrationStats')).toBe(false);
  });

  it('metrics: anyone without METRICS_TOKEN; with it, only the scraper that presents it', () => {
    expect(defineScraperAbility({ tokenRequired: false, tokenPresented: false }).can('read', 'Metrics')).toBe(true);
    expect(defineScraperAbility({ tokenRequired: true, tokenPresented: false }).can('read', 'Metrics')).toBe(false);
    expect(defineScraperAbility({ tokenRequired: true, tokenPresented: true }).can('read', 'Metrics')).toBe(true);
  });

  it('a desk officer submits and looks applicants up at their own agency only', () => {
    const desk = ability('desk-officer');
    expect(desk.can('create', subject('Dossier', { agencyCode: '02647' }))).toBe(true);
    expect(desk.can('create', subject('Dossier', { agencyCode: '02650' }))).toBe(false);
    expect(desk.can('read', 'Applicant')).toBe(true);
    expect(ability('desk-officer', null).can('read', 'Applicant')).toBe(false);
    expect(ability('specialist').can('read', 'Applicant')).toBe(false);
    expect(ability('citizen', null).can('create', subject('Dossier', { agencyCode: '02650' }))).toBe(true);
  });

  it('an agency asked for its opinion reads the dossier, and acts on it only while its answer is awaited', () => {
    const dossier = (asked: string[], awaited: string[]) => subject('Dossier', { agencyCode: '02647', receivingAgencyCode: '02647', consultedBy: asked, askedNow: awaited });
    const snnmt = ability('specialist', 'H38.SNNMT');
    expect(snnmt.can('read', dossier(['H38.SNNMT'], ['H38.SNNMT']))).toBe(true);
    expect(snnmt.can('act', dossier(['H38.SNNMT'], ['H38.SNNMT']))).toBe(true);
    // Answered: it keeps reading what it was asked about, and can no longer act.
    expect(snnmt.can('read', dossier(['H38.SNNMT'], []))).toBe(true);
    expect(snnmt.can('act', dossier(['H38.SNNMT'], []))).toBe(false);
    expect(ability('specialist', 'H38.STP').can('read', dossier(['H38.SNNMT'], ['H38.SNNMT']))).toBe(false);
  });

  it('officers of an agency upload the documents of their steps; the supervisor and the admin do not', () => {
    for (const role of ['citizen', 'desk-officer', 'specialist', 'leader'] as const) expect(ability(role).can('create', 'Attachment')).toBe(true);
    expect(ability('specialist', null).can('create', 'Attachment')).toBe(false);
    for (const role of ['supervisor', 'admin'] as const) expect(ability(role).can('create', 'Attachment')).toBe(false);
  });
});

/** docs/assisted-filing.md: a community helper files for citizens and reads only what they filed. */
describe('the community helper', () => {
  const helper = ability('helper', '02683');
  const dossier = (fields: Record<string, unknown>) => subject('Dossier', { agencyCode: '02683', receivingAgencyCode: '02683', applicantUserId: 'u-citizen', helperUserId: null, handledBy: [], ...fields });

  it('files at their own commune only, and asks for consent', () => {
    expect(helper.can('create', dossier({}))).toBe(true);
    expect(helper.can('create', dossier({ agencyCode: '02647', receivingAgencyCode: '02647' }))).toBe(false);
    expect(helper.can('create', 'Consent')).toBe(true);
    for (const role of ['citizen', 'desk-officer', 'specialist', 'leader', 'supervisor', 'admin'] as const) expect(ability(role).can('create', 'Consent'), role).toBe(false);
  });

  it('reads the dossiers they helped file, not their commune’s, and acts on none', () => {
    expect(helper.can('read', dossier({ helperUserId: 'u-helper' }))).toBe(true);
    expect(helper.can('read', dossier({ helperUserId: 'u-someone-else' }))).toBe(false);
    expect(helper.can('read', dossier({}))).toBe(false);
    expect(helper.can('act', dossier({ helperUserId: 'u-helper' }))).toBe(false);
  });

  it('reads no users, statistics, outbox or notifications', () => {
    for (const s of ['User', 'Stats', 'Outbox', 'Notification', 'Holiday', 'Applicant'] as const) expect(helper.can('read', s), s).toBe(false);
    expect(helper.can('read', 'Agency')).toBe(true);
  });
});

/** The citizen's document store, «Kho dữ liệu» (api/citizen-store.ts): its owner's alone. */
describe('StoredDocument', () => {
  it('the owner citizen reads their own; another citizen, officers, helpers and the administrator none', () => {
    expect(ability('citizen', null).can('read', subject('StoredDocument', { ownerId: 'u-citizen' }))).toBe(true);
    expect(ability('citizen', null).can('read', subject('StoredDocument', { ownerId: 'u-someone-else' }))).toBe(false);
    for (const role of ['desk-officer', 'specialist', 'leader', 'supervisor', 'helper', 'admin'] as const) {
      expect(ability(role).can('read', 'StoredDocument'), role).toBe(false);
    }
  });
});
