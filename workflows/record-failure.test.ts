/**
 * A change PostgreSQL refuses (a data error, SQLSTATE class 22/23) must not wedge the dossier:
 * the workflow records `record-failed`, goes on from its recorded state, and an administrator
 * repairs it (docs/operations.md, "Stuck dossiers"). On the time-skipping test server, with the
 * fake activities refusing whatever carries the word POISON, the way activities/index.ts does.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonRetryableIfDataError } from '../activities/data-errors';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import type { ProcedureDefinition } from '../domain/procedure';
import type { Actor } from '../domain/roles';
import { paymentSignal, repairUpdate, type RepairRequest } from './messages';
import { PROCEDURES } from '../procedures';
import { COMMUNE, officer } from '../test/support/workflows/constants';
import type { DossierDriver } from '../test/support/workflows/dossier-driver';
import { createWorkflowTestEnv, type WorkflowTestEnv } from '../test/support/workflows/workflow-test-env';

let t: WorkflowTestEnv;
/** While true, the fake recordEvent refuses events carrying POISON as PostgreSQL would (22P05). */
let poisoned = true;
let attempts = 0;
/** Failures before the data error is recognised as one (as on a worker still running older activity code). */
let unclassified = 0;

beforeAll(async () => {
  t = await createWorkflowTestEnv();
  const record = t.activities.recordEvent.bind(t.activities);
  t.activities.recordEvent = async (input) => {
    if (poisoned && JSON.stringify(input.event.data).includes('POISON')) {
      attempts++;
      if (unclassified > 0) {
        unclassified--;
        throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
      }
      throw nonRetryableIfDataError(Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' }));
    }
    return record(input);
  };
});
afterAll(async () => {
  await t?.close();
});

const procedure = PROCEDURES[0] as unknown as ProcedureDefinition;
const desk = officer('desk-officer', COMMUNE);
const admin: Actor = { id: 'u-admin', role: 'admin', agencyCode: 'H38' };

async function until(d: DossierDriver, ok: (events: DossierEvent[]) => boolean): Promise<DossierState> {
  for (let i = 0; i < 200; i++) {
    const s = await d.synced();
    if (ok(d.events)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never reached; events: ${d.events.map((e) => e.type).join(', ')}`);
}

async function repair(d: DossierDriver, req: Omit<RepairRequest, 'actor'>, actor = admin): Promise<DossierState> {
  return d.handle.executeUpdate(repairUpdate, { args: [{ actor, ...req }] });
}

async function repairRefused(d: DossierDriver, req: Omit<RepairRequest, 'actor'>, actor = admin): Promise<ApplicationFailure> {
  try {
    await repair(d, req, actor);
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause;
    throw err;
  }
  throw new Error('the repair was accepted');
}

const expectGaplessTrail = (d: DossierDriver, s: DossierState) => expect(d.events.map((e) => e.seq)).toEqual(Array.from({ length: s.seq }, (_, i) => i + 1));

describe('a change PostgreSQL refuses', () => {
  it('a payment notice that cannot be stored is recorded as record-failed, once, and the dossier goes on', async () => {
    poisoned = true;
    attempts = 0;
    const d = await t.start(procedure);
    await d.handle.signal(paymentSignal, { transactionId: `POISON-${randomUUID()}`, amount: 1, paidAt: new Date(await t.now()).toISOString() });
    let s = await until(d, (events) => events.some((e) => e.type === 'record-failed'));
    // Not retried: one attempt, then the failure is recorded in its place (same seq, no gap).
    expect(attempts).toBe(1);
    expect(d.events.at(-1)).toMatchObject({
      seq: 2,
      type: 'record-failed',
      fromStatus: 'SUBMITTED',
      toStatus: 'SUBMITTED',
      data: { failedType: 'payment-received', failedSeq: 2, errorType: 'data-error', sqlState: '22P05', message: expect.stringContaining('SQLSTATE 22P05') },
    });
    expect(JSON.stringify(d.events.at(-1))).not.toContain('POISON');
    expect(s.transactionIds).toEqual([]);

    s = await d.act(desk, { action: 'receive', body: {} });
    expect(s.status).not.toBe('SUBMITTED');
    expectGaplessTrail(d, s);
    expect((await d.handle.describe()).status.name).toBe('RUNNING');
  });

  it('an action that cannot be stored is refused as not-recorded; an administrator retries it after the fix', async () => {
    poisoned = true;
    const d = await t.start(procedure);
    await d.receive();
    const before = await d.query();
    const refusal = await d.refused(desk, { action: 'assign', body: { assigneeId: 'POISON-specialist' } });
    expect(refusal.type).toBe('not-recorded');
    let s = await d.synced();
    expect(s).toMatchObject({ status: before.status, assigneeId: null, seq: before.seq + 1 });
    expect(d.events.at(-1)).toMatchObject({ type: 'record-failed', data: { failedType: 'assign' } });

    // Only an administrator repairs, with a reason; retry while still failing sets it aside again.
    expect((await repairRefused(d, { mode: 'retry', reason: 'đã sửa' }, desk)).type).toBe('forbidden');
    expect((await repairRefused(d, { mode: 'retry', reason: '' })).type).toBe('invalid-body');
    await repair(d, { mode: 'retry', reason: 'thử lại' });
    expect(d.events.slice(-2).map((e) => e.type)).toEqual(['repaired', 'record-failed']);

    poisoned = false;
    s = await repair(d, { mode: 'retry', reason: 'Đã sửa lỗi lưu trữ, ghi lại thay đổi' });
    expect(s).toMatchObject({ status: 'IN_REVIEW', assigneeId: 'POISON-specialist' });
    expect(d.events.slice(-2)).toMatchObject([
      { type: 'repaired', actor: admin, data: { mode: 'retry', reason: 'Đã sửa lỗi lưu trữ, ghi lại thay đổi', failedType: 'assign' } },
      { type: 'assign', toStatus: 'IN_REVIEW', data: { assigneeId: 'POISON-specialist' } },
    ]);
    expectGaplessTrail(d, s);
    // Nothing is set aside any more.
    expect((await repairRefused(d, { mode: 'close', reason: 'không còn gì' })).type).toBe('illegal-transition');
  });

  it('a dossier already retrying a data error (older activity code) unwedges once the error is classified', async () => {
    poisoned = true;
    attempts = 0;
    unclassified = 2;
    const d = await t.start(procedure);
    await d.handle.signal(paymentSignal, { transactionId: `POISON-${randomUUID()}`, amount: 1, paidAt: new Date(await t.now()).toISOString() });
    const s = await until(d, (events) => events.some((e) => e.type === 'record-failed'));
    expect(attempts).toBe(3);
    expect(d.events.map((e) => e.type)).toEqual(['submit', 'record-failed']);
    expect(s.transactionIds).toEqual([]);
  });

  it('closing drops the set-aside change for good; a retry is refused once the dossier has moved on', async () => {
    poisoned = true;
    const d = await t.start(procedure);
    await d.handle.signal(paymentSignal, { transactionId: `POISON-${randomUUID()}`, amount: 1, paidAt: new Date(await t.now()).toISOString() });
    await until(d, (events) => events.some((e) => e.type === 'record-failed'));
    await d.act(desk, { action: 'receive', body: {} });
    expect((await repairRefused(d, { mode: 'retry', reason: 'thử lại' })).message).toMatch(/changed since/);
    const s = await repair(d, { mode: 'close', reason: 'Giao dịch sai, ngân hàng sẽ gửi lại' });
    expect(d.events.at(-1)).toMatchObject({ type: 'repaired', data: { mode: 'close', failedType: 'payment-received' } });
    expect(s.transactionIds).toEqual([]);
    expectGaplessTrail(d, s);
  });
});
