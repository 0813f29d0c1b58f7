import { and, desc, eq } from 'drizzle-orm';
import { Router } from 'express';
import { dossiers } from '../../db/schema';
import { idNumberSchema } from '../../domain/applicant';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { badRequest, forbidden, notFound } from '../problem';

/**
 * The counter's prefill: the applicant details of the last dossier received at the officer's own
 * desk for this ID number, so a returning citizen is not typed in again. Scoped to the desk's
 * agency (another commune's applicants answer 404, like no applicant at all), for desk officers
 * only, and every lookup is logged with who asked (the logger masks the number itself).
 */
export function applicantRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;

  r.get('/applicants/:idNumber', requireUser, async (req, res) => {
    const user = req.user!;
    if (!req.ability!.can('read', 'Applicant') || !user.agencyCode) throw forbidden('only a desk officer looks up applicants, at their own counter');
    const id = idNumberSchema.safeParse(String(req.params.idNumber));
    if (!id.success) throw badRequest('idNumber must be 12 digits', { errors: [{ field: 'idNumber', message: id.error.issues[0]!.message }] });
    const [row] = await db
      .select({
        code: dossiers.code,
        fullName: dossiers.applicantName,
        idNumber: dossiers.applicantIdNumber,
        phone: dossiers.applicantPhone,
        email: dossiers.applicantEmail,
        address: dossiers.applicantAddress,
        createdAt: dossiers.createdAt,
      })
      .from(dossiers)
      .where(and(eq(dossiers.applicantIdNumber, id.data), eq(dossiers.receivingAgencyCode, user.agencyCode)))
      .orderBy(desc(dossiers.createdAt))
      .limit(1);
    ctx.log.info({ userId: user.id, agencyCode: user.agencyCode, idNumber: id.data, found: row?.code ?? null }, 'applicant lookup at the counter');
    if (!row) throw notFound('applicant');
    res.json({
      fullName: row.fullName,
      idNumber: row.idNumber,
      phone: row.phone,
      email: row.email,
      address: row.address,
      lastDossierCode: row.code,
      lastDossierAt: row.createdAt.toISOString(),
    });
  });
  return r;
}
