// Walk-ins at the desk (docs/forms.md): what the desk officer records for an applicant without an
// account goes into the trail marked as recorded at the desk, with the applicant's stated reason.
import type { ActionRequest } from '../domain/actions';
import { isWalkIn } from '../domain/lifecycle/walk-in';
import type { Actor } from '../domain/roles';
import { badRequest } from './problem';

/** The trail's words for it: "ghi nhận tại quầy". */
export const AT_DESK_NOTE = 'Ghi nhận tại quầy theo yêu cầu trực tiếp của người nộp hồ sơ';

export function walkInRequest(actor: Actor, request: ActionRequest): ActionRequest {
  if (!isWalkIn(actor, request.action)) return request;
  if (request.action === 'withdraw' && (request.body.reason ?? '').length < 3) {
    throw badRequest('a withdrawal recorded at the desk needs the applicant’s stated reason (at least 3 characters)', {
      errors: [{ field: 'reason', message: 'the applicant’s stated reason is required' }],
    });
  }
  // Stored with the event (its data is the body): the audit trail shows who asked, and where.
  // Beyond the action's schema on purpose: no caller can claim it, only this step adds it.
  return { ...request, body: { ...request.body, atDesk: true, deskNote: AT_DESK_NOTE } } as unknown as ActionRequest;
}
