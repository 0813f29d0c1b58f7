// Form 06, the register of an agency's dossiers (docs/forms.md): for its leader or a supervisor
// above it, as a PDF or a CSV, scoped by the caller's rules like every dossier list.
import { and, asc, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { registerCsv, renderRegister, type RegisterData, type RegisterRow } from '../documents/register';
import { dossierEvents, dossiers, type DossierRow } from '../../db/schema';
import { dossierSubject, mask } from '../dossier-view';
import { STATUS_TEXT } from '../../domain/status-text';
import { getProcedure } from '../../procedures';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { badRequest, forbidden, fromZod, unprocessable } from '../problem';
import { dossierScope } from '../scope';

/** A register longer than this is a period to split, not a page to print. */
export const REGISTER_MAX_ROWS = 5_000;
const MAX_SPAN_MS = 366 * 86_400_000;

/** An instant PostgreSQL's timestamps and a register's period can hold (no year 0, nothing absurd). */
const instant = z.iso.datetime({ offset: true }).refine((v) => {
  const year = new Date(v).getUTCFullYear();
  return year >= 2000 && year < 2200;
}, 'a date-time between the years 2000 and 2199');

export const registerQuery = z
  .object({
    agencyCode: z.string().min(1).max(40).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .strict();

const TIMELINESS_TEXT = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' } as const;

/** The first instant of the current month in Vietnam time (UTC+7). */
function monthStart(now: number): string {
  const t = new Date(now + 7 * 3_600_000);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) - 7 * 3_600_000).toISOString();
}

export function registerRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const agencyName = (code: string) => ctx.agencies.get(code)?.name ?? code;

  async function registerOf(req: Request): Promise<RegisterData> {
    const user = req.user!;
    if (user.role !== 'leader' && user.role !== 'supervisor') throw forbidden('the register is for leaders and supervisors');
    const q = registerQuery.safeParse(req.query);
    if (!q.success) throw fromZod(q.error);
    const agencyCode = q.data.agencyCode ?? user.agencyCode ?? '';
    // A leader keeps their own agency's register; a supervisor reads those of the agencies below.
    const mine = user.role === 'leader' ? agencyCode === user.agencyCode : ctx.agencies.subtree(user.agencyCode).includes(agencyCode);
    if (!mine) throw forbidden(`the register of agency ${agencyCode} is not yours to read`);
    const to = q.data.to ?? new Date().toISOString();
    const from = q.data.from ?? monthStart(Date.parse(to));
    if (!(Date.parse(from) < Date.parse(to))) throw badRequest('from must be before to', { errors: [{ field: 'from', message: 'before to' }] });
    if (Date.parse(to) - Date.parse(from) > MAX_SPAN_MS) throw badRequest('the period is longer than a year', { errors: [{ field: 'to', message: 'at most a year after from' }] });

    // Received at the agency's desk, or handed to it (a department's part in a liên thông dossier).
    const atAgency = or(
      sql`${dossiers.receivingAgencyCode} = ${agencyCode}`,
      sql`${dossiers.state}->'shares' @> ${JSON.stringify([{ agencyCode }])}::jsonb`,
    );
    const where = and(dossierScope(req.ability!) ?? sql`false`, atAgency, gte(dossiers.receivedAt, new Date(from)), lt(dossiers.receivedAt, new Date(to)));
    const rows = await db.select().from(dossiers).where(where).orderBy(asc(dossiers.receivedAt), asc(dossiers.code)).limit(REGISTER_MAX_ROWS + 1);
    if (rows.length > REGISTER_MAX_ROWS) throw unprocessable(`more than ${REGISTER_MAX_ROWS} dossiers in the period: ask for a shorter one`);
    const codes = rows.map((row) => row.code);
    const events = codes.length
      ? await db.select({ dossierCode: dossierEvents.dossierCode, type: dossierEvents.type, at: dossierEvents.at }).from(dossierEvents)
          .where(and(inArray(dossierEvents.dossierCode, codes), inArray(dossierEvents.type, ['forward', 'return', 'approve', 'deliver'])))
          .orderBy(asc(dossierEvents.seq))
      : [];
    const first = (code: string, type: string) => events.find((e) => e.dossierCode === code && e.type === type)?.at.toISOString() ?? null;
    const last = (code: string, type: string) => events.findLast((e) => e.dossierCode === code && e.type === type)?.at.toISOString() ?? null;
    // Who holds an open dossier now, when the register's agency does not (a hop of the hand-off took it elsewhere).
    const holder = (row: DossierRow) => (row.finishedAt === null && row.agencyCode !== agencyCode ? `Đang ở: ${agencyName(row.agencyCode)}` : null);
    const may = (row: DossierRow, field: string) => req.ability!.can('read', dossierSubject(row), field);
    const line = (row: DossierRow): RegisterRow => {
      const contact = [may(row, 'applicant.address') ? row.applicantAddress : null, may(row, 'applicant.phone') ? row.applicantPhone : mask(row.applicantPhone)];
      const forwardedAt = first(row.code, 'forward');
      return {
        code: row.code,
        procedureName: getProcedure(row.procedureCode)?.name.vi ?? row.procedureCode,
        applicantName: row.applicantName,
        contact: contact.filter(Boolean).join(', '),
        handlingAgency: agencyName(row.resultAgencyCode ?? row.state.resultAgencyCode ?? row.agencyCode),
        receivedAt: row.receivedAt?.toISOString() ?? null,
        dueAt: row.state.originalDueAt != null ? new Date(row.state.originalDueAt).toISOString() : (row.dueAt?.toISOString() ?? null),
        forwardedAt,
        resultAt: forwardedAt ? last(row.code, 'return') : last(row.code, 'approve'),
        deliveredAt: last(row.code, 'deliver'),
        note: [STATUS_TEXT[row.status], holder(row), row.timeliness ? TIMELINESS_TEXT[row.timeliness] : null, row.state.extended ? 'Đã có phiếu xin lỗi, hẹn lại' : null].filter(Boolean).join('; '),
      };
    };
    return { agencyName: agencyName(agencyCode), from, to, issuedAt: new Date().toISOString(), rows: rows.map(line) };
  }

  const filename = (d: RegisterData, ext: string) => `so-theo-doi-ho-so-${d.from.slice(0, 10)}-${d.to.slice(0, 10)}.${ext}`;

  r.get('/registers/dossiers', requireUser, async (req, res) => {
    const data = await registerOf(req);
    res.status(200).type('application/pdf').set('Content-Disposition', `inline; filename="${filename(data, 'pdf')}"`)
      .set('Cache-Control', 'private, no-store').send(await renderRegister(data));
  });

  r.get('/registers/dossiers/csv', requireUser, async (req, res) => {
    const data = await registerOf(req);
    res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${filename(data, 'csv')}"`)
      .set('Cache-Control', 'private, no-store').send(registerCsv(data));
  });
  return r;
}
