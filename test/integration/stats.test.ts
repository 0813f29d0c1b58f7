import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signedInStack } from '../support/system';

const applicant = { fullName: 'Hà Văn Khánh', idNumber: '012345678901', phone: '0987654321' };

describe('supervisor statistics', () => {
  const stack = signedInStack(['batxat.desk', 'tinh.supervisor', 'laocai.supervisor', 'batxat.specialist']);
  const as = stack.as;

  it('counts an overdue dossier where it is, and only for supervisors whose subtree holds it', async () => {
    const { body: p } = await request(stack.system.server).get('/api/procedures/1.004873');
    const created = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('batxat.desk'))
      .send({ procedureCode: '1.004873', agencyCode: '02683', channel: 'counter', applicant, form: p.example });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('RECEIVED');
    const code = created.body.code as string;
    const before = await request(stack.system.server).get('/api/stats/overdue').set(as('tinh.supervisor'));
    expect(before.status).toBe(200);

    // The projection's clock is what the lists read: move the due date into the past, as time would.
    await stack.sql`update dossiers set due_at = now() - interval '2 hours' where code = ${code}`;

    const after = await request(stack.system.server).get('/api/stats/overdue').set(as('tinh.supervisor'));
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.byAgency.find((a: { agencyCode: string }) => a.agencyCode === '02683').count).toBeGreaterThanOrEqual(1);
    expect(after.body.byStage.find((s: { status: string }) => s.status === 'RECEIVED').count).toBeGreaterThanOrEqual(1);

    const list = await request(stack.system.server).get('/api/dossiers').query({ filter: JSON.stringify({ overdue: true }) }).set(as('tinh.supervisor'));
    expect(list.body.map((d: { code: string }) => d.code)).toContain(code);
    expect(list.body.find((d: { code: string }) => d.code === code).applicant.idNumber).not.toBe(applicant.idNumber);

    const otherCommune = await request(stack.system.server).get('/api/stats/overdue').set(as('laocai.supervisor'));
    expect(otherCommune.body.byAgency.some((a: { agencyCode: string }) => a.agencyCode === '02683')).toBe(false);
    expect((await request(stack.system.server).get('/api/stats/overdue').set(as('batxat.specialist'))).status).toBe(403);
  });

  it('summarises rates over a period', async () => {
    const res = await request(stack.system.server).get('/api/stats/summary').query({ from: '2020-01-01T00:00:00Z' }).set(as('tinh.supervisor'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.onlineRate).toBeGreaterThanOrEqual(0);
    expect(res.body.onlineRate).toBeLessThanOrEqual(1);
    const bad = await request(stack.system.server).get('/api/stats/summary').query({ from: 'yesterday' }).set(as('tinh.supervisor'));
    expect(bad.status).toBe(400);
  });

  /** Rows written straight into the projection, in 2021 where no other test's dossiers fall. */
  async function insertDossiers(rows: { code: string; status: string; agency: string; receiving?: string; channel?: string; procedure?: string; received?: string; due?: string; finished?: string; paid?: boolean; paidOnline?: boolean; rating?: number; created?: string }[]) {
    const t = (v?: string) => (v ? new Date(v) : null);
    await stack.sql`insert into dossiers ${stack.sql(
      rows.map((r) => ({
        code: r.code, procedure_code: r.procedure ?? '1.004873', status: r.status, channel: r.channel ?? 'counter',
        applicant_name: 'Thử Nghiệm', applicant_id_number: '000000000000', applicant_phone: '0900000000', form: stack.sql.json({}),
        receiving_agency_code: r.receiving ?? r.agency, agency_code: r.agency,
        received_at: t(r.received), due_at: t(r.due), finished_at: t(r.finished), fee: 0, paid: r.paid ?? false, paid_online: r.paidOnline ?? false,
        rating: r.rating ?? null, state: stack.sql.json({ shares: [] }), last_seq: 1, search_text: r.code.toLowerCase(), created_at: new Date(r.created ?? '2021-03-01T01:00:00Z'),
      })),
    )}`;
  }

  it('summarises exactly the caller’s scope, and serves repeated reads from a 30-second cache', async () => {
    const day = (d: number, h = 2) => `2021-03-${String(d).padStart(2, '0')}T0${h}:00:00Z`;
    const delivered = (code: string, extra: object) => ({ code, status: 'DELIVERED', agency: '02647', received: day(1), due: day(5), finished: day(3), ...extra });
    await insertDossiers([
      delivered('T-SUM-1', { channel: 'online', paid: true, paidOnline: true, rating: 4 }),
      delivered('T-SUM-2', { channel: 'online', paid: true, rating: 5 }),
      delivered('T-SUM-3', { channel: 'online' }),
      delivered('T-SUM-4', { channel: 'online' }),
      delivered('T-SUM-5', { finished: day(8) }), // 7 days, past its due date
      { code: 'T-SUM-6', status: 'REJECTED', agency: '02647', received: day(1), due: day(5), finished: day(2) },
      { code: 'T-SUM-7', status: 'IN_REVIEW', agency: 'H38.STP', receiving: '02647', channel: 'online', received: day(1), due: day(20) },
      { code: 'T-SUM-8', status: 'DELIVERED', agency: '02683', received: day(1), due: day(5), finished: day(2) },
    ]);
    try {
      const period = { from: '2021-01-01T00:00:00+07:00', to: '2022-01-01T00:00:00+07:00' };
      const ward = await request(stack.system.server).get('/api/stats/summary').query(period).set(as('laocai.supervisor'));
      expect(ward.status).toBe(200);
      expect(ward.body).toMatchObject({ total: 7, finished: 6, onTimeRate: 5 / 6, onlineRate: 5 / 7, onlinePaymentRate: 0.5, satisfaction: 4.5 });
      expect(ward.body.avgProcessingDays).toBeCloseTo(3, 9);
      expect(new Map(ward.body.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]))).toEqual(new Map([['DELIVERED', 5], ['REJECTED', 1], ['IN_REVIEW', 1]]));

      const province = await request(stack.system.server).get('/api/stats/summary').query(period).set(as('tinh.supervisor'));
      expect(province.body).toMatchObject({ total: 8, finished: 7, onTimeRate: 6 / 7, onlineRate: 5 / 8 });
      expect(province.body.avgProcessingDays).toBeCloseTo(16 / 6, 9);

      // Within the cache's lifetime a change is not seen yet; `asOf` says when the figures were read.
      await stack.sql`update dossiers set channel = 'online' where code = 'T-SUM-5'`;
      const again = await request(stack.system.server).get('/api/stats/summary').query(period).set(as('laocai.supervisor'));
      expect(again.body).toEqual(ward.body);
      expect(Date.now() - Date.parse(again.body.asOf)).toBeLessThan(30_000);
    } finally {
      await stack.sql`delete from dossiers where code like 'T-SUM-%'`;
    }
  });

  it('counts a list’s total exactly up to 10,000 and says when it stopped counting', async () => {
    // Two procedures of the test's own, for the dossiers' foreign key (db/migrations/0017_foreign_keys.sql).
    await stack.sql`insert into procedures (code, version, name_vi, name_en, level, fee, full_process_online, portal_integrated, search_text, definition)
      select c, 1, c, c, 'commune', 0, false, false, c, '{}' from unnest(array['T.FEW', 'T.MANY']) c on conflict do nothing`;
    await stack.sql`insert into dossiers (code, procedure_code, status, channel, applicant_name, applicant_id_number, applicant_phone, form,
        receiving_agency_code, agency_code, fee, state, last_seq, search_text, created_at, finished_at)
      select 'T-CAP-' || i, case when i <= 30 then 'T.FEW' else 'T.MANY' end, 'DELIVERED', 'counter', 'Thử Nghiệm', '000000000000', '0900000000', '{}',
        '02683', '02683', 0, '{"shares":[]}', 1, 't-cap-' || i, '2021-06-01T01:00:00Z', '2021-06-02T01:00:00Z'
      from generate_series(1, ${30 + 10_001}::int) i`;
    try {
      const list = (procedureCode: string, range: [number, number]) =>
        request(stack.system.server).get('/api/dossiers').query({ filter: JSON.stringify({ procedureCode }), range: JSON.stringify(range) }).set(as('batxat.desk'));
      const first = await list('T.FEW', [0, 9]);
      expect(first.headers['content-range']).toBe('dossiers 0-9/30');
      expect(first.headers['x-total-capped']).toBeUndefined();
      const last = await list('T.FEW', [25, 49]);
      expect(last.body).toHaveLength(5);
      expect(last.headers['content-range']).toBe('dossiers 25-29/30');

      const many = await list('T.MANY', [0, 24]);
      expect(many.body).toHaveLength(25);
      expect(many.headers['content-range']).toBe('dossiers 0-24/10001');
      expect(many.headers['x-total-capped']).toBe('10000');
    } finally {
      await stack.sql`delete from dossiers where code like 'T-CAP-%'`;
      await stack.sql`delete from procedures where code in ('T.FEW', 'T.MANY')`;
    }
  });
});
