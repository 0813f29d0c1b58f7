import { describe, expect, it } from 'vitest';
import { render } from '../../integrations/templates';

describe("a hop's notices (the hand-off route)", () => {
  const x = { dossierCode: 'H38.X001-261123-0001', procedureName: 'Cấp lại Giấy chứng nhận', dueAt: Date.UTC(2026, 11, 7, 10, 0), agencyCode: 'H38.SNNMT' };

  it("speak of the agency's share, not the dossier's due date", () => {
    expect(render('reminder', { ...x, reminderKind: 'hop-reminder' }).text).toContain('đã dùng 75% thời hạn của cơ quan (đến 17:00 07/12/2026)');
    const escalation = render('escalation', { ...x, reminderKind: 'hop' });
    expect(escalation.subject).toMatch(/^\[Quá hạn bước liên thông\]/);
    expect(escalation.sms).toMatch(/^[\x20-\x7e]+$/);
    // The dossier's own reminder is unchanged.
    expect(render('reminder', { ...x, reminderKind: 'reminder-75' }).text).toContain('sắp đến hạn giải quyết');
  });
});
