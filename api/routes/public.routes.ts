import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { dossiers, type DossierRow } from '../../db/schema';
import { getProcedure } from '../../procedures';
import type { AppContext } from '../context';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import { paymentView } from '../payment-qr';
import { notFound } from '../problem';
import { applicantDocuments } from '../document-data';
import { findIssued, verification } from '../issued-documents';
import { STATUS_TEXT } from '../../domain/status-text';

/** What the citizen should (or need not) do now. */
export function nextStep(row: DossierRow): string {
  switch (row.status) {
    case 'SUBMITTED':
      return 'Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hồ sơ. Ông/Bà chưa cần làm gì thêm.';
    case 'RECEIVED':
    case 'IN_REVIEW':
    case 'AWAITING_APPROVAL':
      return 'Hồ sơ đang được giải quyết. Ông/Bà chờ đến ngày hẹn trả kết quả.';
    case 'NEEDS_SUPPLEMENT':
      return 'Ông/Bà cần bổ sung các giấy tờ còn thiếu (xem danh sách) và nộp lại cho Bộ phận Một cửa.';
    case 'AWAITING_PAYMENT':
      return `Ông/Bà cần nộp ${row.fee.toLocaleString('vi-VN')} đồng phí, lệ phí bằng mã QR ngân hàng hoặc tại Bộ phận Một cửa.`;
    case 'RESULT_READY':
      return 'Kết quả đã sẵn sàng. Ông/Bà đến Bộ phận Một cửa để nhận hoặc tải kết quả điện tử.';
    case 'DELIVERED':
      return 'Hồ sơ đã hoàn thành. Ông/Bà có thể đánh giá mức độ hài lòng.';
    case 'NOT_ACCEPTED':
    case 'REJECTED':
      return 'Hồ sơ không được giải quyết. Xem lý do trong phiếu từ chối hoặc liên hệ Bộ phận Một cửa.';
    case 'WITHDRAWN':
      return 'Hồ sơ đã được rút theo yêu cầu. Không cần làm gì thêm.';
    case 'CANCELLED':
      return 'Hồ sơ đã bị hủy. Ông/Bà có thể nộp hồ sơ mới nếu vẫn có nhu cầu.';
  }
}

/** Digits only, a leading +84/84 read as 0: '+84 912 345 678' and '0912345678' are the same phone. */
export const normalizePhone = (p: string) => p.replace(/\D/g, '').replace(/^84(?=\d{9}$)/, '0');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The citizen's lookup by code + phone, without signing in. Only non-personal fields; a wrong
 * phone is answered exactly like an unknown code, and every attempt counts against the caller's
 * rate limit so codes cannot be matched to phones by brute force.
 */
export function publicRoutes(ctx: AppContext, limiter = new RateLimiter(ctx.dbh.db, 'public', 30, 60_000)): Router {
  const r = Router();
  const db = ctx.dbh.db;

  r.get('/public/dossiers/:code', rateLimit(limiter), async (req, res) => {
    const code = String(req.params.code);
    const phone = typeof req.query.phone === 'string' ? normalizePhone(req.query.phone) : '';
    const [row] = code.length <= 64 ? await db.select().from(dossiers).where(eq(dossiers.code, code)) : [];
    if (!row || phone.length < 9 || normalizePhone(row.applicantPhone) !== phone) throw notFound(`dossier ${code}`);
    const procedure = getProcedure(row.procedureCode);
    res.set('Cache-Control', 'no-store').json({
      code: row.code,
      procedureName: procedure?.name.vi ?? row.procedureCode,
      status: row.status,
      statusText: STATUS_TEXT[row.status],
      receivedAt: iso(row.receivedAt),
      dueAt: iso(row.dueAt),
      nextStep: nextStep(row),
      missing: row.status === 'NEEDS_SUPPLEMENT' ? row.state.missing : [],
      fee: row.fee,
      paid: row.paid,
      documents: applicantDocuments(row, ctx.procedures),
      supplementDueAt: row.status === 'NEEDS_SUPPLEMENT' && row.state.supplementDueAt ? new Date(row.state.supplementDueAt).toISOString() : null,
      // The QR the next step speaks of; whoever holds the code and the phone may pay.
      payment: row.status === 'AWAITING_PAYMENT' && row.fee > 0 && !row.paid ? await paymentView(ctx.env, row) : null,
    });
  });
  /**
   * Where a signed document's QR leads: anyone holding the paper may check it. The code is
   * random (not the dossier's), and the answer names the document, never the applicant.
   */
  r.get('/public/verify/:code', rateLimit(limiter), async (req, res) => {
    const code = String(req.params.code);
    const row = await findIssued(db, code);
    if (!row) throw notFound(`document ${code}`);
    res.set('Cache-Control', 'no-store').json(verification(row));
  });
  return r;
}
