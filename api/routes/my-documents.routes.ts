import { subject } from '@casl/ability';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { AttachmentStore } from '../attachment-store';
import { citizenStore, storeDocumentView } from '../citizen-store';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { forbidden, fromZod, notFound } from '../problem';
import { quotaExceeded, uploadQuota } from '../upload-quota';

export const storeAttachBodySchema = z
  .object({
    /** The required document (its Vietnamese label in the procedure's checklist) it stands for, as on an upload. */
    requirement: z.string().trim().max(300).nullable().optional(),
  })
  .strict();

/**
 * The citizen's document store, "kho dữ liệu" (api/citizen-store.ts): its owner lists it, downloads
 * each document and takes one as an upload for a later dossier. Anyone else's store answers 404,
 * like none; roles without a store (officers, helpers, the administrator) get 403.
 */
export function myDocumentRoutes(ctx: AppContext): Router {
  const r = Router();
  const store = citizenStore(ctx, new AttachmentStore(ctx.env.dataDir));

  const owner = (req: Request) => {
    if (!req.ability!.can('read', 'StoredDocument')) throw forbidden('only a citizen has a document store');
    return req.user!.id;
  };
  /** The caller's own entry, or 404 whoever else's it is. */
  const opened = async (req: Request) => {
    const id = String(req.params.id);
    const found = await store.open(owner(req), id);
    if (!found || !req.ability!.can('read', subject('StoredDocument', { ownerId: found.entry.ownerId } as Record<string, unknown>))) throw notFound(`document ${id} of your store`);
    return found;
  };

  r.get('/my-documents', requireUser, async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json((await store.list(owner(req))).map(storeDocumentView));
  });

  r.get('/my-documents/:id/file', requireUser, async (req, res) => {
    const { entry, pdf } = await opened(req);
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${entry.kind}-${entry.dossierCode}.pdf"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  r.post('/my-documents/:id/attachments', requireUser, async (req, res) => {
    const ownerId = owner(req);
    const body = storeAttachBodySchema.safeParse(req.body ?? {});
    if (!body.success) throw fromZod(body.error);
    const id = String(req.params.id);
    // Counted like an upload: each take is an unattached file of the caller's until a dossier names it.
    const quota = await uploadQuota(ctx.dbh.db, ownerId, ctx.env);
    if (quota.files <= 0 || quota.bytes <= 0) throw quotaExceeded(ctx.env);
    const doc = await store.attach(ownerId, id, body.data.requirement || null);
    if (!doc) throw notFound(`document ${id} of your store`);
    ctx.log.info({ audit: 'store.reuse', actor: ownerId, target: id, attachment: doc.id }, 'citizen took a document of their store for a dossier');
    const { name, mimeType, size, sha256, requirement } = doc;
    res.status(201).json({ id: doc.id, name, mimeType, size, sha256, requirement });
  });
  return r;
}
