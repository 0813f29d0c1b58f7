import { Router, type Request } from 'express';
import { maskPersonal } from '../../domain/personal-data';
import { getProcedure } from '../../procedures';
import { DOCUMENT_KINDS, renderDocument, type DocumentKind } from '../documents/render';
import { documentSigner } from '../document-signer';
import { documentDataSource } from '../document-data';
import { isSigned, issueSigned } from '../issued-documents';
import type { AppContext } from '../context';
import { dossierSubject, mask } from '../dossier-view';
import { readableDossier } from '../readable-dossier';
import { requireUser } from '../middleware/auth';
import { notFound } from '../problem';

const isKind = (k: string): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k);

export function documentRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const documentData = documentDataSource(ctx);

  const readable = (req: Request, code: string) => readableDossier(db, req, code);

  r.get('/dossiers/:code/documents/:kind', requireUser, async (req, res) => {
    const kind = String(req.params.kind);
    if (!isKind(kind)) throw notFound(`document kind ${kind}`);
    const row = await readable(req, String(req.params.code));
    // The same field rules as the JSON view: a supervisor's copy carries no personal numbers.
    const may = (field: string) => req.ability!.can('read', dossierSubject(row), field);
    const procedure = getProcedure(row.procedureCode);
    const form = may('form.personal') ? row.form : procedure ? maskPersonal(procedure.form, row.form) : null;
    // Forms 05 and 19 are the office's own records: never the citizen's to download.
    const data = await documentData(kind, row, req.user!.role !== 'citizen', form);
    if (!data) throw notFound(`${kind} document of dossier ${row.code}`);
    const personal = ['applicant.idNumber', 'applicant.phone', 'applicant.address'];
    let pdf: Buffer;
    if (isSigned(kind) && personal.every(may)) {
      // The document with legal weight: signed once for its data, then served as issued.
      pdf = (await issueSigned(db, await documentSigner(ctx.env), data, ctx.env.publicBaseUrl)).pdf;
    } else {
      // A masked reading copy is not the issued document: unsigned, rendered on request.
      const applicant = {
        ...data.applicant,
        idNumber: may('applicant.idNumber') ? data.applicant.idNumber : (mask(data.applicant.idNumber ?? null) ?? undefined),
        phone: may('applicant.phone') ? data.applicant.phone : (mask(data.applicant.phone ?? null) ?? undefined),
        ...(may('applicant.address') ? {} : { address: undefined }),
      };
      pdf = await renderDocument(kind, { ...data, applicant });
    }
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${row.code}-${kind}.pdf"`)
      .set('Cache-Control', 'private, no-store')
      .send(pdf);
  });
  return r;
}
