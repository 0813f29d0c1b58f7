import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import { and, eq } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { documents } from '../../db/schema';
import { attachmentView, dossierAttachments } from '../attachment-records';
import { citizenStore } from '../citizen-store';
import { AttachmentStore, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD, type StagedFile } from '../attachment-store';
import type { AppContext } from '../context';
import { dossierSubject } from '../dossier-view';
import { readableDossier } from '../readable-dossier';
import { textProblem } from '../../domain/text-rule';
import { requireUser } from '../middleware/auth';
import { textRefusal } from '../middleware/text-input';
import { badRequest, forbidden, HttpProblem, notFound } from '../problem';
import { quotaExceeded, uploadQuota } from '../upload-quota';
import { nameForType, withoutBidi } from '../upload-names';

const FIELD = 'file';
/** The text field naming the required document the files after it are copies of. */
const REQUIREMENT = 'requirement';
const MAX_REQUIREMENT_CHARS = 300;
const MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

export const tooLarge = (detail: string) => new HttpProblem(413, 'too-large', 'Payload too large', detail);
export const unsupportedType = (detail: string) => new HttpProblem(415, 'unsupported-type', 'Unsupported file type', detail);

/** A declared type the sniffed one may stand for (browsers send octet-stream for unknown files). */
const compatible = (declared: string, sniffed: string) => declared === sniffed || declared === 'application/octet-stream' || (declared === 'image/jpg' && sniffed === 'image/jpeg');

interface Received {
  staged: StagedFile;
  name: string;
  declared: string;
  requirement: string | null;
}

/**
 * Reads every `file` part of a multipart request into the store's temporary area. A
 * `requirement` field tags the file parts that follow it (until the next one; empty clears it),
 * so one request may carry the scans of several required documents.
 */
function receiveMultipart(req: Request, store: AttachmentStore): Promise<{ files: Received[]; problem?: HttpProblem }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // One byte over the limit is how an oversize file shows itself to the store.
        limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: MAX_ATTACHMENTS_PER_UPLOAD, fields: 20, fieldSize: 4096, parts: MAX_ATTACHMENTS_PER_UPLOAD + 20 },
      });
    } catch {
      return resolve({ files: [], problem: badRequest(`send multipart/form-data with one or more "${FIELD}" parts`) });
    }
    const pending: Promise<Received>[] = [];
    /** File parts still streaming: an aborted request ends them, so their temporary files go. */
    const streams = new Set<NodeJS.ReadableStream & { destroy(err?: Error): void }>();
    let problem: HttpProblem | undefined;
    let requirement: string | null = null;
    bb.on('field', (field, value) => {
      if (field !== REQUIREMENT) return;
      const label = value.normalize('NFC').trim();
      if (label.length > MAX_REQUIREMENT_CHARS) {
        problem ??= badRequest(`${REQUIREMENT} is longer than ${MAX_REQUIREMENT_CHARS} characters`, { errors: [{ field: REQUIREMENT, message: 'too long' }] });
      }
      requirement = label || null;
    });
    bb.on('file', (field, stream, info) => {
      if (field !== FIELD || problem) {
        stream.resume();
        return;
      }
      // Bidi controls are stripped (api/upload-names.ts), then the one text rule
      // (domain/text-rule.ts) for names; path separators still become '_'.
      const filename = withoutBidi(info.filename ?? '');
      const refused = textProblem(filename, 'name');
      if (refused) {
        problem ??= textRefusal(FIELD, `file name: ${refused}`);
        stream.resume();
        return;
      }
      const name = [...filename.normalize('NFC').replace(/[/\\]/g, '_')].slice(-200).join('') || 'tep-dinh-kem';
      const declared = (info.mimeType ?? '').toLowerCase();
      const tag = requirement;
      streams.add(stream);
      stream.once('close', () => streams.delete(stream));
      pending.push(store.receive(stream, MAX_ATTACHMENT_BYTES).then((staged) => ({ staged, name, declared, requirement: tag })));
    });
    bb.on('filesLimit', () => {
      problem ??= tooLarge(`at most ${MAX_ATTACHMENTS_PER_UPLOAD} files per upload`);
    });
    bb.on('error', (err) => {
      problem ??= badRequest(`malformed multipart body: ${(err as Error).message}`);
      req.unpipe(bb);
      req.resume();
      settle();
    });
    let settled = false;
    /** Once every part is in: the files in part order, or nothing kept when one failed. */
    const settle = () => {
      if (settled) return;
      settled = true;
      void Promise.allSettled(pending).then(async (results) => {
        const files = results.filter((x): x is PromiseFulfilledResult<Received> => x.status === 'fulfilled').map((x) => x.value);
        const failed = results.find((x): x is PromiseRejectedResult => x.status === 'rejected');
        if (!failed) return resolve({ files, problem });
        await Promise.all(files.map((f) => store.discard(f.staged))).catch(() => undefined);
        if (problem) resolve({ files: [], problem });
        else reject(failed.reason);
      });
    };
    bb.on('close', settle);
    // A client gone mid-upload: busboy waits forever for the rest, so the parts are ended here
    // (store.receive then removes their temporary files) and the request settles.
    req.once('close', () => {
      if (req.complete || settled) return;
      problem ??= badRequest('the upload was interrupted before it ended');
      for (const s of streams) s.destroy(new Error('upload aborted by the client'));
      req.unpipe(bb);
      settle();
    });
    req.pipe(bb);
  });
}

/**
 * Uploads (the `attachments` routes of api/openapi.ts): content-addressed files plus a `documents` row each, owned
 * by the uploader until a submission or a supplement attaches them to a dossier; then read back
 * by whoever may read that dossier.
 */
export function attachmentRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const store = new AttachmentStore(ctx.env.dataDir);
  const fromStore = citizenStore(ctx, store);

  const readable = (req: Request, code: string) => readableDossier(db, req, code);

  r.post('/attachments', requireUser, async (req, res) => {
    // Those who submit dossiers upload for them (citizens online, desk officers at the counter), and
    // officers the documents of their steps (domain/ability.ts).
    if (!req.ability!.can('create', 'Attachment')) throw forbidden('your role does not upload attachments');
    const declaredLength = Number(req.get('content-length') ?? 0);
    if (declaredLength > MAX_ATTACHMENTS_PER_UPLOAD * (MAX_ATTACHMENT_BYTES + 64 * 1024)) {
      res.set('Connection', 'close');
      throw tooLarge(`at most ${MAX_ATTACHMENTS_PER_UPLOAD} files of ${MB} MB each`);
    }
    const quota = await uploadQuota(db, req.user!.id, ctx.env);
    if (quota.files <= 0 || quota.bytes <= 0) throw quotaExceeded(ctx.env);
    const { files, problem } = await receiveMultipart(req, store);
    // The whole upload is refused when any file is: nothing of it is kept.
    const refusal =
      problem ??
      (files.length === 0 ? badRequest(`no file: send one or more "${FIELD}" parts`, { errors: [{ field: FIELD, message: 'required' }] }) : undefined) ??
      files.filter((f) => f.staged.tooLarge).map((f) => tooLarge(`${f.name} is larger than ${MB} MB`))[0] ??
      files
        .filter((f) => !f.staged.sniffedType || !compatible(f.declared, f.staged.sniffedType))
        .map((f) => unsupportedType(`${f.name} is not one of ${ATTACHMENT_TYPES.join(', ')} (judged by its content)`))[0] ??
      (files.length > quota.files || files.reduce((n, f) => n + f.staged.size, 0) > quota.bytes ? quotaExceeded(ctx.env) : undefined);
    if (refusal) {
      await Promise.all(files.map((f) => store.discard(f.staged)));
      throw refusal;
    }
    try {
      for (const f of files) await store.commit(f.staged);
    } catch (err) {
      await Promise.all(files.map((f) => store.discard(f.staged)));
      throw err;
    }
    // One millisecond apart, so files of one upload keep the order they were sent in.
    const at = Date.now();
    const values = files.map((f, i) => ({
      id: randomUUID(),
      createdAt: new Date(at + i),
      dossierCode: null,
      name: nameForType(f.name, f.staged.sniffedType!),
      mimeType: f.staged.sniffedType!,
      size: f.staged.size,
      sha256: f.staged.sha256,
      uploadedBy: req.user!.id,
      requirement: f.requirement,
    }));
    await db.insert(documents).values(values);
    res.status(201).json(values.map(({ id, name, mimeType, size, sha256, requirement }) => ({ id, name, mimeType, size, sha256, requirement })));
  });

  r.get('/dossiers/:code/attachments', requireUser, async (req, res) => {
    const row = await readable(req, String(req.params.code));
    const docs = await dossierAttachments(db, row.code);
    const marks = await fromStore.marks(docs);
    res.json(docs.map((d) => attachmentView(d, marks.get(d.id))));
  });

  r.get('/dossiers/:code/attachments/:id', requireUser, async (req, res) => {
    const row = await readable(req, String(req.params.code));
    // The scans are personal data through and through: oversight sees the list, never the bytes.
    if (!req.ability!.can('read', dossierSubject(row), 'attachments.content')) throw forbidden('your role may list attachments but not download them');
    const [doc] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, String(req.params.id)), eq(documents.dossierCode, row.code)));
    if (!doc) throw notFound(`attachment ${req.params.id} of dossier ${row.code}`);
    const file = await store.open(doc.sha256);
    if (!file) throw new Error(`attachment ${doc.id}: file ${doc.sha256} missing from ${store.dir}`);
    res
      .status(200)
      .type(doc.mimeType)
      .set('Content-Length', String(file.size))
      .set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store');
    file.stream.on('error', (err) => res.destroy(err));
    file.stream.pipe(res);
  });
  return r;
}
