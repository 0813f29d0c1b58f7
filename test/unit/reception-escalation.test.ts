import { describe, expect, it } from 'vitest';
import { submit } from '../../domain/lifecycle/reduce';
import { fireTimer, pendingTimers } from '../../domain/lifecycle/timers';
import { COMMUNE, NOW, calendar, citizen, ctxAt, feeProcedure } from '../../domain/lifecycle/test-fixtures';
import { messagesFor } from '../../integrations/messages';

describe('the officer notice of a reception escalation', () => {
  it('names the reception deadline, not a processing one the dossier does not have yet', () => {
    const { state } = submit(
      { code: `${COMMUNE}-261123-0003`, procedure: feeProcedure, channel: 'online', applicantUserId: citizen.id, agencyCode: COMMUNE, submittedBy: citizen },
      ctxAt(feeProcedure, NOW),
    );
    const [timer] = pendingTimers(state, feeProcedure, calendar);
    const fired = fireTimer(state, timer!, ctxAt(feeProcedure, timer!.at))!;
    const [mail] = messagesFor({ event: fired.event, state: fired.state, procedure: feeProcedure, contact: null });
    expect(mail).toMatchObject({ channel: 'officer-email', payload: { template: 'escalation', agencyCode: COMMUNE } });
    const payload = mail!.payload as { subject: string; text: string };
    expect(payload.subject).toMatch(/Chậm tiếp nhận/);
    expect(payload.text).toMatch(/8 giờ làm việc/);
    expect(payload.text).not.toMatch(/chưa xác định/);
  });
});
