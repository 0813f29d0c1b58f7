import type { Db } from '../db/client';
import type { DocumentRow } from '../db/schema';
import type { ActionRequest } from '../domain/actions';
import { claimableAttachments } from './attachment-records';
import { badRequest } from './problem';

const refOf = (d: DocumentRow) => ({ id: d.id, name: d.name, sha256: d.sha256 });

/**
 * The document a step produces — a site inspection's minutes (biên bản, a PDF), a consulted
 * agency's letter — must be the caller's own upload (POST /api/attachments); the body then names
 * it as the store knows it (name, hash), so the trail cannot claim another file. Answers the ids
 * to attach to the dossier once the step is taken.
 */
export async function claimStepDocument(db: Db, request: ActionRequest, userId: string, dossierCode: string): Promise<string[]> {
  if (request.action === 'record-inspection') {
    const [doc] = await claimableAttachments(db, userId, [request.body.minutes.id], 'minutes', dossierCode);
    if (doc!.mimeType !== 'application/pdf') throw badRequest('the minutes must be a PDF', { errors: [{ field: 'minutes', message: 'upload the signed minutes as a PDF' }] });
    request.body.minutes = refOf(doc!);
    return [doc!.id];
  }
  if (request.action === 'record-opinion' && request.body.attachment) {
    const [doc] = await claimableAttachments(db, userId, [request.body.attachment.id], 'attachment', dossierCode);
    request.body.attachment = refOf(doc!);
    return [doc!.id];
  }
  return [];
}
