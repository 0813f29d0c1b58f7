/**
 * "On time" as Decision 766 counts it (docs/decision-766.md), through the API, the worker and
 * PostgreSQL: a dossier processed at once counts as early; one that was given an apology (a new
 * appointment) and then finished after its original due date still counts as late — in the
 * timeliness figures and in the summary's on-time rate.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { recordEvent } from '../../activities/projection-store';
import { submissions } from '../../db/schema';
import { createCalendar } from '../../domain/calendar';
import { decide, submit, type Ctx } from '../../domain/lifecycle';
import type { Actor } from '../../domain/actor';
import type { ActionRequest } from '../../domain/actions';
import { getProcedure } from '../../procedures';
import { signedInStack } from '../support/system';

const PROCEDURE = '1.004873'; // commune level, free, 3 working days
const AGENCY = '02683';
const applicant = { fullName: 'Sùng Thị Dế', idNumber: '012345678902', phone: '0987654322' };
type Split = { early: number; onTime: number; late: number };

describe('timeliness against the original due date', () => {
  const stack = signedInStack(['batxat.desk', 'batxat.specialist', 'batxat.leader', 'tinh.supervisor', 'laocai.supervisor']);
  const as = stack.as;

  it('classifies a result ready at once as early; an apology is allowed once, ahead of the due date', async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const { body: p } = await request(stack.system.server).get(`/api/procedures/${PROCEDURE}`);
    const created = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('batxat.desk'))
      .send({ procedureCode: PROCEDURE, agencyCode: AGENCY, channel: 'counter', applicant, form: p.example });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const act = (user: string, action: string, body: object = {}) =>
      request(stack.system.server).post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);

    const dueAt = Date.parse(created.body.dueAt);
    expect(created.body.originalDueAt).toBe(created.body.dueAt);
    const newDueAt = new Date(dueAt + 7 * 86_400_000).toISOString();
    const extended = await act('batxat.leader', 'extend', { newDueAt, reason: 'Cần xác minh thực địa' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ extended: true, dueAt: newDueAt, originalDueAt: created.body.dueAt });
    const twice = await act('batxat.leader', 'extend', { newDueAt: new Date(dueAt + 9 * 86_400_000).toISOString(), reason: 'Lần nữa' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/only once/);

    expect((await act('batxat.desk', 'assign', { assigneeId: 'u-batxat.specialist' })).status).toBe(200);
    expect((await act('batxat.specialist', 'verify')).body.status).toBe('AWAITING_APPROVAL');
    const ready = await act('batxat.leader', 'approve');
    expect(ready.body).toMatchObject({ status: 'RESULT_READY', timeliness: 'early', overdue: false });
    expect(Date.parse(ready.body.resultReadyAt)).toBeLessThanOrEqual(Date.now());

    const to = new Date(Date.now() + 60_000).toISOString();
    const stats = await request(stack.system.server).get('/api/stats/timeliness').query({ from, to }).set(as('tinh.supervisor'));
    expect(stats.status).toBe(200);
    expect(stats.body.byProcedure.find((x: { procedureCode: string }) => x.procedureCode === PROCEDURE)).toMatchObject({ early: expect.any(Number) });
    expect(stats.body.byAgency.find((x: { agencyCode: string }) => x.agencyCode === AGENCY).early).toBeGreaterThanOrEqual(1);
    const rows = await stack.sql`select timeliness, result_agency_code from dossiers where code = ${code}`;
    expect(rows[0]).toEqual({ timeliness: 'early', result_agency_code: AGENCY });

    // The clock stopped at RESULT_READY: past its due date while it waits to be collected, it is not overdue.
    await stack.sql`update dossiers set due_at = now() - interval '2 hours' where code = ${code}`;
    expect((await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('tinh.supervisor'))).body.overdue).toBe(false);
    const overdue = await request(stack.system.server).get('/api/dossiers').query({ filter: JSON.stringify({ overdue: true }) }).set(as('tinh.supervisor'));
    expect(overdue.status).toBe(200);
    expect(overdue.body.map((d: { code: string }) => d.code)).not.toContain(code);
  });

  it('counts a dossier finished after its original due date as late, although an apology moved its appointment', async () => {
    // Working days cannot pass in a real-time test: the worker's part is played by the pure
    // lifecycle at chosen instants (a Monday three weeks ago), recorded by the real activity.
    const code = `${AGENCY}-LATE-${Date.now().toString(36)}`;
    const procedure = getProcedure(PROCEDURE)!;
    const calendar = createCalendar();
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - 21 - ((monday.getUTCDay() + 6) % 7));
    monday.setUTCHours(2, 0, 0, 0); // 09:00 in Hanoi
    const t0 = monday.getTime();
    const officer = (role: Actor['role'], id: string): Actor => ({ id, role, agencyCode: AGENCY });
    const desk = officer('desk-officer', 'u-batxat.desk');
    const leader = officer('leader', 'u-batxat.leader');
    const specialist = officer('specialist', 'u-batxat.specialist');
    const ctx = (now: number): Ctx => ({ procedure, calendar, now });

    await stack.system.dbh.db.insert(submissions).values({
      dossierCode: code, requestHash: 'test', procedureCode: PROCEDURE, agencyCode: AGENCY, channel: 'counter',
      applicant, form: {}, submittedBy: desk,
    });
    let { state, event } = submit({ code, procedure, channel: 'counter', applicantUserId: null, agencyCode: AGENCY, submittedBy: desk }, ctx(t0));
    await recordEvent(stack.system.dbh.db, { event, state });
    const originalDue = state.dueAt!;
    const step = async (actor: Actor, req: ActionRequest, at: number) => {
      const d = decide(state, actor, req, ctx(at));
      if (!d.ok) throw new Error(d.refusal.reason);
      ({ state, event } = d);
      await recordEvent(stack.system.dbh.db, { event, state });
    };
    const newDueAt = originalDue + 10 * 86_400_000;
    await step(leader, { action: 'extend', body: { newDueAt: new Date(newDueAt).toISOString(), reason: 'Cần xác minh thực địa' } }, t0 + 3_600_000);
    await step(desk, { action: 'assign', body: { assigneeId: specialist.id } }, t0 + 2 * 3_600_000);
    await step(specialist, { action: 'verify', body: {} }, originalDue + 3_600_000);
    await step(leader, { action: 'approve', body: {} }, originalDue + 2 * 3_600_000);
    await step(desk, { action: 'deliver', body: { method: 'desk' } }, originalDue + 3 * 3_600_000);

    const view = await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('tinh.supervisor'));
    expect(view.body).toMatchObject({ status: 'DELIVERED', extended: true, timeliness: 'late', dueAt: new Date(newDueAt).toISOString(), originalDueAt: new Date(originalDue).toISOString() });
    // Finished before the new appointment: by dates alone it would have looked on time.
    expect(Date.parse(view.body.finishedAt)).toBeLessThan(newDueAt);

    const period = { from: new Date(t0 - 60_000).toISOString(), to: new Date(t0 + 60_000).toISOString() };
    const stats = await request(stack.system.server).get('/api/stats/timeliness').query(period).set(as('tinh.supervisor'));
    expect(stats.status).toBe(200);
    expect(stats.body.total).toEqual({ early: 0, onTime: 0, late: 1, onTimeRate: 0 } satisfies Split & { onTimeRate: number });
    expect(stats.body.byAgency).toEqual([expect.objectContaining({ agencyCode: AGENCY, late: 1, onTimeRate: 0 })]);
    expect(stats.body.byProcedure).toEqual([expect.objectContaining({ procedureCode: PROCEDURE, late: 1 })]);
    expect(stats.body.indicators.find((i: { group: string }) => i.group === 'progress').measures).toEqual([{ key: 'onTimeRate', rate: 0 }]);
    const summary = await request(stack.system.server).get('/api/stats/summary').query(period).set(as('tinh.supervisor'));
    expect(summary.body).toMatchObject({ finished: 1, onTimeRate: 0 });

    // Another commune's supervisor does not see it.
    const other = await request(stack.system.server).get('/api/stats/timeliness').query(period).set(as('laocai.supervisor'));
    expect(other.body.total).toEqual({ early: 0, onTime: 0, late: 0, onTimeRate: null });
    expect((await request(stack.system.server).get('/api/stats/timeliness').set(as('batxat.specialist'))).status).toBe(403);
    expect((await request(stack.system.server).get('/api/stats/timeliness').query({ from: 'yesterday' }).set(as('tinh.supervisor'))).status).toBe(400);
  });
});
