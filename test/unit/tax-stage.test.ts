import { describe, expect, it } from 'vitest';
import type { ActionRequest } from '../../domain/actions';
import type { ProcedureDefinition } from '../../domain/procedure';
import { decide, submit } from '../../domain/lifecycle/reduce';
import type { DossierState } from '../../domain/lifecycle/state';
import { fireTimer, pendingTimers } from '../../domain/lifecycle/timers';
import { COMMUNE, DAY, HOUR, NOW, calendar, ctxAt, desk, hanoi, leader, specialist } from '../../domain/lifecycle/test-fixtures';
import { messagesFor } from '../../integrations/messages';
import { getProcedure } from '../../procedures';

const land = getProcedure('1.013978') as ProcedureDefinition;

/**
 * The first land certificate (version 2) on hand-picked dates: no holiday falls between them
 * (domain/calendar: 2026's are 1/1, Tết, 30/4–1/5, 2/9 and its adjacent day), so a week's wait for
 * the tax office is exactly 5 working days, 40 working hours.
 */
describe('the first land certificate through its posting and its tax stage', () => {
  let s: DossierState;
  const act = (req: ActionRequest, by = specialist, at = NOW) => {
    const d = decide(s, by, req, ctxAt(land, at));
    if (!d.ok) throw new Error(d.refusal.reason);
    s = d.state;
    return d.event;
  };
  const fire = (kind: string) => {
    const t = pendingTimers(s, land, calendar).find((x) => x.kind === kind)!;
    const fired = fireTimer(s, t, ctxAt(land, t.at))!;
    s = fired.state;
    return fired.event;
  };

  it('excludes exactly the working time from the slip to the receipt, and tells the office of an unpaid notice', () => {
    s = submit({ code: `${COMMUNE}-261123-0001`, procedure: land, channel: 'counter', applicantUserId: null, agencyCode: COMMUNE, submittedBy: desk }, ctxAt(land, NOW)).state;
    act({ action: 'assign', body: { assigneeId: specialist.id } }, desk);
    act({ action: 'verify', body: {} }, specialist, NOW + HOUR);
    expect(s.stage?.kind).toBe('post');
    expect(fire('posting-ended').at).toBe(NOW + HOUR + 15 * DAY);
    expect(s).toMatchObject({ stage: { kind: 'tax' }, status: 'IN_REVIEW', pausedAt: null });

    const sentAt = hanoi('2026-12-14 09:00');
    act({ action: 'send-to-tax', body: { slipNo: 'PCTT-1' } }, specialist, sentAt);
    const dueWhileWaiting = s.dueAt!;
    const originalWhileWaiting = s.originalDueAt!;
    act({ action: 'record-tax-notice', body: { noticeNo: 'TB-7', amount: 12_500_000 } }, desk, sentAt + 2 * HOUR);

    const noticed = s;
    // Had it stayed unpaid thirty days: flagged once, to the agency's mailbox, naming the notice.
    const flagged = fire('tax-unpaid');
    expect(flagged.at).toBe(sentAt + 2 * HOUR + 30 * DAY);
    const [mail] = messagesFor({ event: flagged, state: s, procedure: land, contact: null });
    expect(mail).toMatchObject({ channel: 'officer-email', payload: { template: 'tax-unpaid', agencyCode: COMMUNE } });
    expect((mail!.payload as { text: string }).text).toMatch(/chưa nộp theo thông báo của cơ quan thuế số TB-7/);
    expect(pendingTimers(s, land, calendar).map((t) => t.kind)).toEqual([]);

    // As it was: paid a week after the slip went out.
    s = noticed;
    act({ action: 'record-tax-payment', body: { receiptNo: 'CT-9' } }, desk, hanoi('2026-12-21 09:00'));
    expect(s.tax!.excludedMinutes).toBe(5 * 8 * 60);
    expect(s.dueAt).toBe(calendar.addWorkingHours(dueWhileWaiting, 40));
    expect(s.originalDueAt).toBe(calendar.addWorkingHours(originalWhileWaiting, 40));
    expect(s).toMatchObject({ status: 'AWAITING_APPROVAL', stage: null, pausedAt: null });
    act({ action: 'approve', body: {} }, leader, hanoi('2026-12-21 10:00'));
    expect(s.status).toBe('RESULT_READY');
  });
});
