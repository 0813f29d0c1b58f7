import { describe, expect, it } from 'vitest';
import { submit } from '../../domain/lifecycle/reduce';
import { COMMUNE, NOW, citizen, ctxAt, feeProcedure, specialist } from '../../domain/lifecycle/test-fixtures';
import type { DossierEvent } from '../../domain/lifecycle/state';
import { messagesFor } from '../../integrations/messages';

describe('the applicant’s notice of a site visit', () => {
  it('says when and where, by SMS (without diacritics) and e-mail', () => {
    const { state } = submit(
      { code: `${COMMUNE}-261123-0007`, procedure: feeProcedure, channel: 'online', applicantUserId: citizen.id, agencyCode: COMMUNE, submittedBy: citizen },
      ctxAt(feeProcedure, NOW),
    );
    const event: DossierEvent = {
      seq: 5, type: 'schedule-inspection', actor: specialist, at: NOW, fromStatus: 'IN_REVIEW', toStatus: 'IN_REVIEW', agencyCode: COMMUNE,
      data: { at: '2026-11-25T09:30:00+07:00', place: 'Thửa 278, tờ bản đồ 34' },
    };
    const out = messagesFor({ event, state, procedure: feeProcedure, contact: { phone: '0912000111', email: 'a@example.org' } });
    const sms = out.find((m) => m.channel === 'sms')!.payload as { text: string; template: string };
    const mail = out.find((m) => m.channel === 'email')!.payload as { subject: string; text: string };
    expect(sms.template).toBe('inspection-scheduled');
    expect(sms.text).toContain('09:30 25/11/2026');
    expect(sms.text).toContain('Thua 278');
    expect(mail.subject).toContain('kiểm tra thực địa');
    expect(mail.text).toContain('Thửa 278, tờ bản đồ 34');
  });
});

describe('the reminder to an agency asked for its opinion', () => {
  it('goes to that agency’s mailbox with its own due date, not to the agency holding the dossier', () => {
    const { state } = submit(
      { code: `${COMMUNE}-261123-0008`, procedure: feeProcedure, channel: 'counter', applicantUserId: null, agencyCode: COMMUNE, submittedBy: citizen },
      ctxAt(feeProcedure, NOW),
    );
    const dueAt = Date.parse('2026-12-02T17:00:00+07:00');
    const event: DossierEvent = {
      seq: 9, type: 'opinion-reminder', actor: specialist, at: NOW, fromStatus: 'IN_REVIEW', toStatus: 'IN_REVIEW', agencyCode: COMMUNE,
      data: { agencies: ['H38.SNNMT'], agencyCode: 'H38.SNNMT', dueAt },
    };
    const [mail] = messagesFor({ event, state, procedure: feeProcedure, contact: null });
    expect(mail).toMatchObject({ channel: 'officer-email', payload: { template: 'opinion-reminder', agencyCode: 'H38.SNNMT' } });
    expect((mail!.payload as { text: string }).text).toContain('17:00 02/12/2026');
  });
});
