import { describe, expect, it } from 'vitest';
import { createCalendar } from '../domain/calendar';
import type { DossierEventRow, DossierRow } from '../db/schema';
import type { DossierState } from '../domain/lifecycle/state';
import { availableDocuments, officerDocuments } from './document-data';
import { controlSheet } from './control-sheet-data';

const t = (local: string) => Date.parse(`${local}:00+07:00`);
const calendar = createCalendar();
const names: Record<string, string> = { 'u-desk': 'Nguyễn Thị Lan', 'u-spec': 'Trần Văn Minh', 'u-sn': 'Đặng Văn Sơn' };
const agencies: Record<string, string> = { '02647': 'Phường Lào Cai', 'H38.SNNMT': 'Sở Nông nghiệp và Môi trường' };

let seq = 0;
const event = (type: string, at: string, actor: [string, string, string], agencyCode: string, toStatus: string, data: Record<string, unknown> = {}) =>
  ({ id: String(++seq), dossierCode: 'D', seq, type, actorId: actor[0], actorRole: actor[1], actorAgencyCode: actor[2], agencyCode, fromStatus: null, toStatus, data, at: new Date(t(at)), prevHash: '', hash: '' }) satisfies DossierEventRow;

const desk: [string, string, string] = ['u-desk', 'desk-officer', '02647'];
const sn: [string, string, string] = ['u-sn', 'desk-officer', 'H38.SNNMT'];

/** Received Monday 1 Dec 2025, forwarded Tuesday (early against the commune's 1-day share), returned late. */
function handedOff() {
  const state = {
    agencyCode: '02647', receivingAgencyCode: '02647', assigneeId: null, resultAgencyCode: 'H38.SNNMT', receptionDueAt: null,
    shares: [
      { agencyCode: '02647', enteredAt: t('2025-12-01T08:00'), leftAt: t('2025-12-01T09:00'), dueAt: t('2025-12-02T17:00') },
      { agencyCode: 'H38.SNNMT', enteredAt: t('2025-12-01T09:00'), leftAt: t('2025-12-10T10:00'), dueAt: t('2025-12-09T17:00') },
      { agencyCode: '02647', enteredAt: t('2025-12-10T10:00'), leftAt: null, dueAt: t('2025-12-12T17:00') },
    ],
  } as unknown as DossierState;
  const row = { applicantName: 'Phan Văn Khoa', receivingAgencyCode: '02647', agencyCode: '02647', state } as unknown as DossierRow;
  const events = [
    event('submit', '2025-12-01T08:00', desk, '02647', 'RECEIVED', { channel: 'counter' }),
    event('forward', '2025-12-01T09:00', desk, 'H38.SNNMT', 'RECEIVED', { agencyCode: 'H38.SNNMT' }),
    event('return', '2025-12-10T10:00', sn, '02647', 'RESULT_READY'),
    event('deliver', '2025-12-10T14:00', desk, '02647', 'DELIVERED', { method: 'desk' }),
  ];
  return controlSheet({ row, events, nameOf: (id) => names[id], agencyName: (c) => agencies[c] ?? c, calendar });
}

describe('form 05 from the trail and the shares', () => {
  it('has one row per hand-over, each timed against the share of the agency handing over', () => {
    const sheet = handedOff();
    expect(sheet.handlingAgency).toBe('Sở Nông nghiệp và Môi trường');
    expect(sheet.coordinatingAgencies).toEqual(['Phường Lào Cai']);
    expect(sheet.rows.map((r) => [r.from, r.to, r.outcome ?? null, r.note])).toEqual([
      ['Ông/Bà Phan Văn Khoa (người nộp hồ sơ)', 'Nguyễn Thị Lan (cán bộ tiếp nhận) - Phường Lào Cai', null, 'Nộp trực tiếp tại quầy'],
      ['Bộ phận Tiếp nhận và Trả kết quả - Phường Lào Cai', 'Sở Nông nghiệp và Môi trường', 'Trước hạn', 'Chuyển hồ sơ liên thông'],
      ['Sở Nông nghiệp và Môi trường', 'Bộ phận Tiếp nhận và Trả kết quả - Phường Lào Cai', 'Quá hạn', 'Chuyển kết quả về nơi tiếp nhận'],
      ['Nguyễn Thị Lan (cán bộ tiếp nhận) - Phường Lào Cai', 'Ông/Bà Phan Văn Khoa (người nộp hồ sơ)', null, 'Trả kết quả'],
    ]);
    expect(sheet.rows[2]).toMatchObject({ at: new Date(t('2025-12-10T10:00')).toISOString(), dueAt: new Date(t('2025-12-09T17:00')).toISOString() });
  });
});

describe('form 05 of a dossier handed off along a route', () => {
  it('lists every hop, from whichever agency forwarded it, with the hop\'s share and due date', () => {
    const commune: [string, string, string] = ['u-spec', 'specialist', '02647'];
    const state = {
      agencyCode: 'H38.SNNMT', receivingAgencyCode: '02647', assigneeId: null, resultAgencyCode: null, receptionDueAt: null,
      shares: [
        { agencyCode: '02647', enteredAt: t('2025-12-01T08:00'), leftAt: t('2025-12-01T09:00'), dueAt: t('2025-12-01T17:00') },
        { agencyCode: 'H38.SNNMT', enteredAt: t('2025-12-01T09:00'), leftAt: t('2025-12-03T10:00'), dueAt: t('2025-12-15T17:00'), from: '02647', shareWorkingDays: 10 },
        { agencyCode: '02647', enteredAt: t('2025-12-03T10:00'), leftAt: t('2025-12-22T09:00'), dueAt: t('2025-12-29T17:00'), from: 'H38.SNNMT', shareWorkingDays: 3 },
        { agencyCode: 'H38.SNNMT', enteredAt: t('2025-12-22T09:00'), leftAt: null, dueAt: t('2025-12-29T17:00'), from: '02647', shareWorkingDays: 5 },
      ],
    } as unknown as DossierState;
    const row = { applicantName: 'Phan Văn Khoa', receivingAgencyCode: '02647', agencyCode: 'H38.SNNMT', state } as unknown as DossierRow;
    const events = [
      event('submit', '2025-12-01T08:00', desk, '02647', 'RECEIVED', { channel: 'counter' }),
      event('forward', '2025-12-01T09:00', desk, 'H38.SNNMT', 'RECEIVED', { agencyCode: 'H38.SNNMT' }),
      event('forward', '2025-12-03T10:00', sn, '02647', 'IN_REVIEW', { agencyCode: '02647' }),
      event('forward', '2025-12-22T09:00', commune, 'H38.SNNMT', 'AWAITING_APPROVAL', { agencyCode: 'H38.SNNMT' }),
    ];
    const sheet = controlSheet({ row, events, nameOf: (id) => names[id], agencyName: (c) => agencies[c] ?? c, calendar });
    expect(sheet.rows.slice(1).map((r) => [r.from, r.to, r.outcome ?? null, r.note])).toEqual([
      ['Bộ phận Tiếp nhận và Trả kết quả - Phường Lào Cai', 'Sở Nông nghiệp và Môi trường', 'Đúng hạn', 'Chuyển hồ sơ liên thông (thời hạn 10 ngày làm việc, đến 15/12/2025)'],
      ['Sở Nông nghiệp và Môi trường', 'Phường Lào Cai', 'Trước hạn', 'Chuyển hồ sơ liên thông (thời hạn 3 ngày làm việc, đến 29/12/2025)'],
      ['Phường Lào Cai', 'Sở Nông nghiệp và Môi trường', 'Trước hạn', 'Chuyển hồ sơ liên thông (thời hạn 5 ngày làm việc, đến 29/12/2025)'],
    ]);
  });
});

describe('which documents a dossier offers', () => {
  const base = { status: 'SUBMITTED', receivedAt: null, dueAt: null, state: { supplementRequested: false, missing: [], extended: false } } as unknown as DossierRow;

  it('offers form 02 when the desk asks for completion before receiving, and nothing else yet', () => {
    const asked = { ...base, state: { ...base.state, missing: ['Bản sao sổ đỏ'] } } as DossierRow;
    expect(availableDocuments(asked)).toEqual(['supplement']);
    expect(officerDocuments(asked)).toEqual(['supplement']);
  });

  it('keeps form 05 for officers, before the decision, and separates form 03 from the refusal after review', () => {
    const received = { ...base, status: 'REJECTED', receivedAt: new Date(), dueAt: new Date() } as DossierRow;
    expect(availableDocuments(received)).toEqual(['receipt', 'rejection']);
    expect(officerDocuments(received)).toEqual(['receipt', 'control', 'rejection']);
    expect(availableDocuments({ ...base, status: 'NOT_ACCEPTED' } as DossierRow)).toEqual(['refusal']);
  });

  it('offers form 19 to officers once the slip went to the tax office, after form 05, never to the applicant', () => {
    const inTax = { ...base, status: 'IN_REVIEW', receivedAt: new Date(), dueAt: new Date(), state: { ...base.state, tax: { sentAt: null } } } as unknown as DossierRow;
    expect(officerDocuments(inTax)).toEqual(['receipt', 'control']);
    const sent = { ...inTax, status: 'RESULT_READY', state: { ...inTax.state, tax: { sentAt: Date.now() } } } as unknown as DossierRow;
    expect(officerDocuments(sent)).toEqual(['receipt', 'control', 'tax-transfer', 'result']);
    expect(availableDocuments(sent)).toEqual(['receipt', 'result']);
  });
});
