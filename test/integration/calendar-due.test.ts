import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { DEADLINE_CASES } from '../support/deadline-cases';
import { login, startTestSystem } from '../support/system';

/** The hand-computed due dates (test/support/deadline-cases.ts), asked of the public calculator. */
const instant = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();

describe('GET /api/calendar/due', () => {
  let system: System;
  let admin: string;
  const due = (query: Record<string, string>) => request(system.server).get('/api/calendar/due').query(query);

  beforeAll(async () => {
    system = await startTestSystem();
    admin = await login(system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
  });
  afterAll(async () => {
    await system?.stop();
  });

  it.each(DEADLINE_CASES.map((c) => [c.from, c.deadline.kind, c.due, c] as const))('received %s, %s → %s', async (_from, _kind, _due, c) => {
    const res = await due({
      from: `${c.from.replace(' ', 'T')}:00+07:00`,
      kind: c.deadline.kind,
      ...('amount' in c.deadline ? { workingDays: String(c.deadline.amount) } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ dueAt: instant(c.due) });
  });

  it('reads a time without offset as Vietnam time and defaults to working days', async () => {
    const res = await due({ from: '2025-01-24T16:00', workingDays: '3' });
    expect(res.body).toEqual({ dueAt: instant('2025-02-06 17:00') });
  });

  // 1.012753 as the catalogue states it: 20 working days at the counter, 17 online, 30 by post.
  it.each<[Record<string, string>, string, string]>([
    [{}, '2025-03-31 17:00', 'the counter by default: 20 working days after Monday 3/3'],
    [{ channel: 'counter' }, '2025-03-31 17:00', 'the counter'],
    [{ channel: 'kiosk' }, '2025-03-31 17:00', "the kiosk runs on the counter's"],
    [{ channel: 'online' }, '2025-03-26 17:00', '17 working days'],
    [{ channel: 'post' }, '2025-04-15 17:00', "30 working days, Hùng Kings' day (Monday 7/4/2025) off"],
    [{ channel: 'counter', agencyCode: '02647' }, '2025-03-31 17:00', 'an unlisted commune: nothing extra'],
  ])("gives a procedure's deadline for the channel: %j → %s (%s)", async (extra, expected) => {
    const res = await due({ from: '2025-03-03T09:00:00+07:00', procedureCode: '1.012753', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ dueAt: instant(expected) });
  });

  it('answers 422 for a procedure that states no time on that channel, and counts the one it states on another', async () => {
    // 1.011042: no time at the counter, 1 working day online.
    const none = await due({ from: '2025-03-03T09:00:00+07:00', procedureCode: '1.011042', channel: 'counter' });
    expect(none.status).toBe(422);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await due({ from: '2025-03-03T09:00:00+07:00', procedureCode: '1.011042', channel: 'online' })).body).toEqual({ dueAt: instant('2025-03-04 17:00') });
  });

  it('follows the administrator’s overrides without authentication', async () => {
    // 2099-06-01 is a Monday; an extra day off moves Friday's one-day deadline to Tuesday.
    const before = await due({ from: '2099-05-29T09:00:00+07:00', workingDays: '1' });
    expect(before.body).toEqual({ dueAt: instant('2099-06-01 17:00') });
    const added = await request(system.server).post('/api/holidays').set('Authorization', `Bearer ${admin}`).send({ date: '2099-06-01', kind: 'off', note: 'calendar-due test' });
    expect(added.status).toBe(201);
    try {
      expect((await due({ from: '2099-05-29T09:00:00+07:00', workingDays: '1' })).body).toEqual({ dueAt: instant('2099-06-02 17:00') });
    } finally {
      await request(system.server).delete('/api/holidays/2099-06-01').set('Authorization', `Bearer ${admin}`);
    }
  });

  it.each([
    [{ workingDays: '3' }, 'from'],
    [{ from: 'yesterday', workingDays: '3' }, 'from'],
    [{ from: '2025-02-30T09:00:00Z', workingDays: '3' }, 'from'],
    [{ from: '1999-12-01T09:00:00Z', workingDays: '3' }, 'from'],
    [{ from: '2025-03-10T09:00:00Z' }, 'workingDays'],
    [{ from: '2025-03-10T09:00:00Z', workingDays: '-1' }, 'workingDays'],
    [{ from: '2025-03-10T09:00:00Z', workingDays: '1.5' }, 'workingDays'],
    [{ from: '2025-03-10T09:00:00Z', workingDays: '1e400' }, 'workingDays'],
    [{ from: '2025-03-10T09:00:00Z', workingDays: '1001' }, 'workingDays'],
    [{ from: '2025-03-10T09:00:00Z', workingDays: '3', kind: 'fortnights' }, 'kind'],
    [{ from: '2025-03-10T09:00:00Z', procedureCode: '9.999999' }, 'procedureCode'],
    [{ from: '2025-03-10T09:00:00Z', procedureCode: '1.012753', workingDays: '3' }, 'procedureCode'],
    [{ from: '2025-03-10T09:00:00Z', procedureCode: '1.012753', channel: 'pigeon' }, 'channel'],
    [{ from: '2025-03-10T09:00:00Z', procedureCode: '1.012753', agencyCode: 'nowhere' }, 'agencyCode'],
  ])('answers 400 problem+json for %j (%s)', async (query, field) => {
    const res = await due(query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('takes fractional working hours and a same-day deadline without an amount', async () => {
    expect((await due({ from: '2025-03-10T09:00:00+07:00', kind: 'working-hours', workingDays: '2.5' })).body).toEqual({ dueAt: instant('2025-03-10 11:30') });
    expect((await due({ from: '2025-03-10T09:00:00+07:00', kind: 'same-day' })).body).toEqual({ dueAt: instant('2025-03-10 17:00') });
  });
});
