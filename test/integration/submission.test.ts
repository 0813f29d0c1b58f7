import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitDossier } from '../../api/dossier-commands';
import { dossierEvents, dossierSequences, dossiers, holidays, submissions } from '../../db/schema';
import type { DossierState } from '../../domain/lifecycle/state';
import { startPendingWorkflows } from '../../temporal/dossier-starts';
import { stateQuery } from '../../workflows/messages';
import { signedInStack } from '../support/system';

const TEMPORAL_UI = 'http://temporal-ui.test:8080';
const applicant = { fullName: 'Lý Seo Chu', idNumber: '010203009876', phone: '0987654321' };
/** A free commune procedure received at the counter (social pension): the submission, not a fee, is under test. */
const PROCEDURE = '1.014027';
/** A Temporal that refuses every start, as when the server is down between commit and start. */
const unreachableTemporal = {
  workflow: {
    start: async () => {
      throw new Error('14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:7233');
    },
  },
} as unknown as Client;

describe('a submission is recorded by the API and continued by its workflow', () => {
  const stack = signedInStack(['citizen', 'laocai.desk'], { TEMPORAL_UI_URL: TEMPORAL_UI });
  const as = stack.as;
  let example: Record<string, unknown>;

  beforeAll(async () => {
    example = (await request(stack.system.server).get('/api/procedures/1.014027')).body.example;
  });

  const db = () => stack.system.dbh.db;
  const eventsOf = async (code: string) => (await db().select().from(dossierEvents).where(eq(dossierEvents.dossierCode, code))).map((e) => e.type).sort();
  const workflowState = (code: string) => stack.system.temporal.workflow.getHandle(code).query(stateQuery);

  it('answers with the dossier already listed, and the workflow holds the same state', async () => {
    // A counter submission is received at once: its deadline depends on the admin's calendar overrides.
    const res = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('laocai.desk'))
      .set('Idempotency-Key', `sub-${Date.now()}-counter`)
      .send({ procedureCode: PROCEDURE, agencyCode: '02647', channel: 'counter', applicant, form: example });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('RECEIVED');
    const code = res.body.code as string;

    // The answer is the row the transaction wrote (not read back): the same as a later read gives.
    const read = await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('laocai.desk'));
    expect(read.status).toBe(200);
    expect(Object.fromEntries(Object.keys(res.body).map((k) => [k, read.body[k]]))).toEqual(res.body);

    const [row] = await db().select().from(dossiers).where(eq(dossiers.code, code));
    expect(row?.lastSeq).toBe(1);
    const [sub] = await db().select().from(submissions).where(eq(submissions.dossierCode, code));
    expect(sub?.workflowStartedAt).not.toBeNull();
    expect(await workflowState(code)).toEqual(row!.state);

    // The workflow continues from the recorded state: the next action is event 2, nothing doubled.
    const assigned = await request(stack.system.server).post(`/api/dossiers/${code}/actions/assign`).set(as('laocai.desk')).send({ assigneeId: 'u-laocai.specialist' });
    expect(assigned.status).toBe(200);
    expect(await eventsOf(code)).toEqual(['assign', 'submit']);
  });

  it('links staff, and only staff, to the dossier\'s workflow in the Temporal Web UI', async () => {
    const res = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .set('Idempotency-Key', `sub-${Date.now()}-link`)
      .send({ procedureCode: PROCEDURE, agencyCode: '02647', channel: 'online', applicant, form: example });
    expect(res.status).toBe(201);
    const code = res.body.code as string;
    expect(res.body.temporalUrl).toBeNull();
    expect((await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('citizen'))).body.temporalUrl).toBeNull();

    const seen = await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('laocai.desk'));
    expect(seen.status).toBe(200);
    expect(seen.body.temporalUrl).toBe(`${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(code)}`);
    // The id in the link is the one the workflow runs under.
    expect((await stack.system.temporal.workflow.getHandle(code).describe()).workflowId).toBe(code);
  });

  it('computes the first deadline with the admin calendar, as the workflow would', async () => {
    // A fixed instant, so the answer does not depend on the hour the suite runs at: a counter
    // dossier (10 working days, counted as the law counts them) received Thursday 11/03/2027 at
    // 09:00, with Friday 12/03/2027 made a day off by the administrator. By hand: Thursday is the
    // day of reception and does not count, Friday is off, then Mon 15 … Fri 19 and Mon 22 … Fri 26
    // are the 10 working days: due at office close, 17:00 on Friday 26/03/2027. Without the day off
    // it would be Thursday 25/03/2027 at 17:00.
    const receivedAt = Date.parse('2027-03-11T09:00:00+07:00');
    await db().insert(holidays).values({ date: '2027-03-12', kind: 'off', note: 'submission test' }).onConflictDoNothing();
    try {
      const input = { procedureCode: PROCEDURE, agencyCode: '02647', channel: 'counter' as const, applicant, form: example, attachments: [] };
      const by = { actor: { id: 'u-laocai.desk', role: 'desk-officer' as const, agencyCode: '02647' }, applicantUserId: null };
      const { code, startError } = await submitDossier(db(), stack.system.temporal, input, by, `sub-${Date.now()}-holiday`, { clock: () => receivedAt });
      expect(startError).toBeUndefined();
      const [row] = await db().select().from(dossiers).where(eq(dossiers.code, code));
      expect(row?.receivedAt?.toISOString()).toBe('2027-03-11T02:00:00.000Z');
      expect(row?.dueAt?.toISOString()).toBe('2027-03-26T10:00:00.000Z');
      // The workflow continues from exactly that state.
      expect(((await workflowState(code)) as DossierState).dueAt).toBe(Date.parse('2027-03-26T17:00:00+07:00'));
    } finally {
      await db().delete(holidays).where(eq(holidays.date, '2027-03-12'));
    }
  });

  it('skips a code already given out: the submission row claims its code', async () => {
    // As on the day the codes' scattering is switched on: the next number lands on a taken code.
    const at = Date.parse('2027-05-05T09:00:00+07:00');
    const input = { procedureCode: PROCEDURE, agencyCode: '02647', channel: 'online' as const, applicant, form: example, attachments: [] };
    const by = { actor: { id: 'u-citizen', role: 'citizen' as const, agencyCode: null }, applicantUserId: 'u-citizen' };
    const [seq] = await db().select().from(dossierSequences).where(and(eq(dossierSequences.agencyCode, '02647'), eq(dossierSequences.day, '270505')));
    const nth = (n: number) => `02647-270505-${String(n).padStart(4, '0')}`;
    const taken = nth((seq?.last ?? 0) + 1);
    await db().insert(submissions).values({ ...input, dossierCode: taken, requestHash: 'taken', submittedBy: by.actor, workflowStartedAt: new Date() });
    try {
      const { code, created, row } = await submitDossier(db(), stack.system.temporal, input, by, `sub-${Date.now()}-taken`, { clock: () => at });
      expect({ code, created, status: row?.status }).toEqual({ code: nth((seq?.last ?? 0) + 2), created: true, status: 'SUBMITTED' });
      const [sub] = await db().select().from(submissions).where(eq(submissions.dossierCode, taken));
      expect(sub?.requestHash).toBe('taken');
      expect((await workflowState(code)).seq).toBe(1);
    } finally {
      await db().delete(submissions).where(eq(submissions.dossierCode, taken));
    }
  });

  it('keeps a submission whose workflow start failed, and starts it on retry or by the sweep', async () => {
    const input = { procedureCode: PROCEDURE, agencyCode: '02647', channel: 'online' as const, applicant, form: example, attachments: [] };
    const by = { actor: { id: 'u-citizen', role: 'citizen' as const, agencyCode: null }, applicantUserId: 'u-citizen' };

    const first = await submitDossier(db(), unreachableTemporal, input, by, `sub-${Date.now()}-down-a`);
    expect(first.startError).toBeInstanceOf(Error);
    const [listed] = await db().select().from(dossiers).where(eq(dossiers.code, first.code));
    expect(listed?.status).toBe('SUBMITTED');

    // The same request retried once Temporal is back starts the workflow.
    const key = `sub-${Date.now()}-down-b`;
    const retried = await submitDossier(db(), unreachableTemporal, input, by, key);
    const again = await submitDossier(db(), stack.system.temporal, input, by, key);
    expect(again).toEqual({ code: retried.code, created: false });
    expect((await workflowState(retried.code)).seq).toBe(1);

    // Nobody retried the first one: the sweep starts it.
    expect(await startPendingWorkflows(db(), stack.system.temporal, 0)).toBeGreaterThanOrEqual(1);
    expect((await workflowState(first.code)).status).toBe('SUBMITTED');
    const received = await request(stack.system.server).post(`/api/dossiers/${first.code}/actions/receive`).set(as('laocai.desk')).send({});
    expect(received.status).toBe(200);
    expect(await eventsOf(first.code)).toEqual(['receive', 'submit']);
    const [sub] = await db().select().from(submissions).where(eq(submissions.dossierCode, first.code));
    expect(sub?.workflowStartedAt).not.toBeNull();
    expect(await startPendingWorkflows(db(), stack.system.temporal, 0)).toBe(0);
  });
});
