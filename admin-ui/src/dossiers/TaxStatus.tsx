import { Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatMoney } from '../common/format';
import type { Dossier } from '../types';

/**
 * Where the financial obligations stand (a tax stage; api/tax-view.ts): the slip, the notice, the
 * receipt or exemption, and how much working time was not counted in the processing time.
 */
export function TaxStatus({ tax }: { tax: NonNullable<Dossier['tax']> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (k: string, args?: Record<string, unknown>) => translate(`resources.dossiers.tax.${k}`, args);
  const lines: string[] = [];
  if (tax.sentAt === null) lines.push(t('waiting'));
  else lines.push(t('sent', { at: formatDateTime(tax.sentAt), slipNo: tax.slipNo }));
  if (tax.noticeNo !== null) lines.push(t('notice', { noticeNo: tax.noticeNo, amount: formatMoney(tax.amount ?? 0, locale) }));
  if (tax.receiptNo !== null) lines.push(t('paid', { receiptNo: tax.receiptNo }));
  if (tax.exemption !== null) lines.push(t('exempt', { exemption: tax.exemption }));
  if (tax.remindedAt !== null && tax.settledAt === null) lines.push(t('unpaid', { at: formatDateTime(tax.remindedAt) }));
  if (tax.pausedSince !== null) lines.push(t('paused', { at: formatDateTime(tax.pausedSince) }));
  if (tax.settledAt !== null) lines.push(t('excluded', { days: tax.excludedWorkingDays.toLocaleString(locale) }));
  return (
    <Stack spacing={0.5} data-testid="tax-status">
      {lines.map((l) => (
        <Typography key={l} variant="body2">
          {l}
        </Typography>
      ))}
    </Stack>
  );
}
