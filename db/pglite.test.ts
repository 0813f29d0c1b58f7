import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordEvent } from '../activities/projection-store';
import { createCalendar } from '../domain/calendar';
import { decide, submit } from '../domain/lifecycle';
import { birthRegistration } from '../procedures/coded/birth-registration';
import { dossierEvents, dossiers, submissions } from './schema';
import { seedAgencies, syncProcedures } from './seed';
import { scratchPglite } from '../test/support/scratch-pglite';

/** The embedded default (`npm start` without DATABASE_URL) runs the same migrations and writers. */
describe('PGlite, the embedded database', () => {
  const scratch = scratchPglite('pglite');

  it('migrates, seeds the province and searches without diacritics', async () => {
    expect(await seedAgencies(scratch.dbh.db)).toBe(212);
    expect(await syncProcedures(scratch.dbh.db)).toBeGreaterThanOrEqual(8);
    const rows = await scratch.dbh.db.execute(sql`select unaccent('Đăng ký khai sinh') as v`);
    const first = (Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: { v: string }[] }).rows[0]) as { v: string };
    expect(first.v).toBe('Dang ky khai sinh');
  });

  it('records events once under retry, chains them, and refuses to rewrite them', async () => {
    const cal = createCalendar();
    const now = Date.UTC(2026, 10, 23, 2, 0);
    const ctx = { procedure: birthRegistration, calendar: cal, now };
    const desk = { id: 'u-desk', role: 'desk-officer' as const, agencyCode: '02647' };
    const code = '02647-261123-0001';
    await scratch.dbh.db.insert(submissions).values({
      dossierCode: code, requestHash: 'h', procedureCode: birthRegistration.code, agencyCode: '02647', channel: 'online',
      applicant: { fullName: 'Lù Thị Hoa', idNumber: '010203004567', phone: '0912345678' }, form: birthRegistration.example, submittedBy: desk,
    });
    const first = submit({ code, procedure: birthRegistration, channel: 'online', applicantUserId: null, agencyCode: '02647', submittedBy: { ...desk, role: 'citizen', agencyCode: null } }, ctx);
    await recordEvent(scratch.dbh.db, first);
    await recordEvent(scratch.dbh.db, first); // a retried activity
    const second = decide(first.state, desk, { action: 'receive', body: {} }, { ...ctx, now: now + 60_000 });
    if (!second.ok) throw new Error(second.refusal.reason);
    await recordEvent(scratch.dbh.db, second);
    await recordEvent(scratch.dbh.db, first); // an old retry arriving late must not roll the projection back

    const events = await scratch.dbh.db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, code));
    expect(events.map((e) => e.seq).sort()).toEqual([1, 2]);
    const [e1, e2] = events.sort((a, b) => a.seq - b.seq);
    expect(e2!.prevHash).toBe(e1!.hash);
    const [row] = await scratch.dbh.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row!.status).toBe('RECEIVED');
    expect(row!.searchText).toContain('lu thi hoa');

    const refusal = (p: Promise<unknown>) => p.then(() => 'written', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(scratch.dbh.db.update(dossierEvents).set({ type: 'forged' }).where(eq(dossierEvents.dossierCode, code)))).toMatch(/insert-only/);
    expect(await refusal(scratch.dbh.db.delete(dossierEvents).where(eq(dossierEvents.dossierCode, code)))).toMatch(/insert-only/);
  });
});
