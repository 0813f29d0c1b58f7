import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierEvents, dossiers, submissions } from '../db/schema';
import { createCalendar } from '../domain/calendar';
import { decide, emit, submit } from '../domain/lifecycle';
import type { DossierState } from '../domain/lifecycle/state';
import { SYSTEM_ACTOR } from '../domain/roles';
import { birthRegistration } from '../procedures/coded/birth-registration';
import { seedReferences } from '../test/support/recorded-dossier';
import { createActivities } from '.';
import { DATA_ERROR } from './data-errors';
import { STUCK_AFTER_ATTEMPTS } from './stuck-marks';
import { scratchPglite } from '../test/support/scratch-pglite';

/** recordEvent against the real schema (PGlite): what fails how, and what marks a dossier stuck. */
describe('recordEvent when PostgreSQL refuses', () => {
  const scratch = scratchPglite('record-failures');
  const now = Date.UTC(2026, 10, 23, 2, 0);
  const ctx = { procedure: birthRegistration, calendar: createCalendar(), now };
  const desk = { id: 'u-desk', role: 'desk-officer' as const, agencyCode: '02647' };
  let n = 0;

  beforeAll(async () => {
    await seedReferences(scratch.dbh.db);
  });

  /** A submitted dossier, recorded: its state after `submit`. */
  async function submitted(): Promise<DossierState> {
    const code = `02647-261123-${String(++n).padStart(4, '0')}`;
    await scratch.dbh.db.insert(submissions).values({
      dossierCode: code, requestHash: 'h', procedureCode: birthRegistration.code, agencyCode: '02647', channel: 'online',
      applicant: { fullName: 'Lù Thị Hoa', idNumber: '010203004567', phone: '0912345678' }, form: birthRegistration.example, submittedBy: desk,
    });
    const first = submit({ code, procedure: birthRegistration, channel: 'online', applicantUserId: null, agencyCode: '02647', submittedBy: { ...desk, role: 'citizen', agencyCode: null } }, ctx);
    await createActivities({ db: scratch.dbh.db }).recordEvent(first);
    return first.state;
  }
  const row = async (code: string) => (await scratch.dbh.db.select().from(dossiers).where(eq(dossiers.code, code)))[0]!;
  const run = <T>(attempt: number, fn: () => Promise<T>) => new MockActivityEnvironment({ attempt }).run(fn);

  it('a lone surrogate in an event fails once, non-retryable, as a data error; nothing is written', async () => {
    const s = await submitted();
    const poisoned = emit(s, { ...s, transactionIds: ['GW-\ud800'] }, 'payment-received', SYSTEM_ACTOR, now, { transactionId: 'GW-\ud800' });
    const err = await run(1, () => createActivities({ db: scratch.dbh.db }).recordEvent(poisoned)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: DATA_ERROR, nonRetryable: true, message: expect.stringMatching(/SQLSTATE 22/) });
    expect(await scratch.dbh.db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, s.code))).toHaveLength(1);
    expect((await row(s.code)).stuckKind).toBeNull();
  });

  it('a failure a retry may fix marks the dossier retrying from attempt 5, and the next recorded event clears it', async () => {
    const s = await submitted();
    const received = decide(s, desk, { action: 'receive', body: {} }, { ...ctx, now: now + 60_000 });
    if (!received.ok) throw new Error(received.refusal.reason);
    const assigned = decide(received.state, desk, { action: 'assign', body: { assigneeId: 'u-sp' } }, { ...ctx, now: now + 120_000 });
    if (!assigned.ok) throw new Error(assigned.refusal.reason);
    // Event 3 before event 2: "not recorded yet", an ordinary (retryable) error.
    const record = () => createActivities({ db: scratch.dbh.db }).recordEvent(assigned);
    const early = await run(STUCK_AFTER_ATTEMPTS - 1, record).catch((e: unknown) => e);
    expect(early).not.toBeInstanceOf(ApplicationFailure);
    expect((await row(s.code)).stuckKind).toBeNull();
    await expect(run(STUCK_AFTER_ATTEMPTS, record)).rejects.toThrow(/not recorded yet/);
    expect(await row(s.code)).toMatchObject({ stuckKind: 'retrying', stuckReason: expect.stringContaining(`attempt ${STUCK_AFTER_ATTEMPTS}`) });
    expect((await row(s.code)).stuckAt).toBeInstanceOf(Date);

    await run(1, () => createActivities({ db: scratch.dbh.db }).recordEvent(received));
    expect(await row(s.code)).toMatchObject({ stuckKind: null, stuckAt: null, stuckReason: null, status: 'RECEIVED' });
  });

  it('record-failed marks the dossier until repaired; events in between do not clear it, nor does a retrying mark replace it', async () => {
    const s = await submitted();
    const acts = createActivities({ db: scratch.dbh.db });
    const failed = emit(s, s, 'record-failed', SYSTEM_ACTOR, now + 1_000, { failedType: 'payment-received', failedSeq: 2, sqlState: '22P02', message: 'PostgreSQL refused the data: data exception (SQLSTATE 22P02)' });
    await acts.recordEvent(failed);
    expect(await row(s.code)).toMatchObject({ stuckKind: 'record-failed', stuckReason: 'payment-received (event 2) not recorded: PostgreSQL refused the data: data exception (SQLSTATE 22P02)' });

    const received = decide(failed.state, desk, { action: 'receive', body: {} }, { ...ctx, now: now + 60_000 });
    if (!received.ok) throw new Error(received.refusal.reason);
    await acts.recordEvent(received);
    expect(await row(s.code)).toMatchObject({ stuckKind: 'record-failed', status: 'RECEIVED' });
    const gap = emit(received.state, received.state, 'reminder', SYSTEM_ACTOR, now + 90_000, {});
    const ahead = { ...gap, event: { ...gap.event, seq: gap.event.seq + 1 }, state: { ...gap.state, seq: gap.state.seq + 1 } };
    await run(STUCK_AFTER_ATTEMPTS + 2, () => acts.recordEvent(ahead)).catch(() => undefined);
    expect((await row(s.code)).stuckKind).toBe('record-failed');

    const admin = { id: 'u-admin', role: 'admin' as const, agencyCode: 'H38' };
    await acts.recordEvent(emit(received.state, received.state, 'repaired', admin, now + 120_000, { mode: 'close', reason: 'đã xử lý' }));
    expect(await row(s.code)).toMatchObject({ stuckKind: null, stuckAt: null, stuckReason: null });
  });
});
