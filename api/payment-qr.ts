import QRCode from 'qrcode';
import type { DossierRow } from '../db/schema';
import { buildVietQr } from '../domain/vietqr';
import type { AppContext } from './context';

/**
 * A dossier's fee as a VietQR payload and a PNG of it (api/openapi-responses.ts paymentResponse):
 * for the signed-in owner (GET /api/dossiers/:code/payment) and for the public lookup by code and
 * phone while the fee is due, so a citizen tracking from a phone sees the QR the status speaks of.
 */
export async function paymentView(env: AppContext['env'], row: DossierRow) {
  const vietqr = buildVietQr({ bankBin: env.PAYMENT_BANK_BIN, accountNumber: env.PAYMENT_ACCOUNT_NUMBER, amount: row.fee, description: row.code });
  const qrPng = await QRCode.toDataURL(vietqr, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
  return {
    amount: row.fee,
    paid: row.paid,
    paymentDueAt: row.state.paymentDueAt ? new Date(row.state.paymentDueAt).toISOString() : null,
    bankBin: env.PAYMENT_BANK_BIN,
    accountNumber: env.PAYMENT_ACCOUNT_NUMBER,
    accountName: env.PAYMENT_ACCOUNT_NAME,
    description: row.code,
    vietqr,
    qrPng,
  };
}
