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
