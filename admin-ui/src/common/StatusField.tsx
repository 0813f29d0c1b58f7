import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DossierListItem, Status } from '../types';
import { WRAPPING_CHIP } from './fields';

type Tone = 'default' | 'info' | 'success' | 'warning' | 'error';

/**
 * Colours by meaning: blue while the office works, amber while the citizen must act (supplement,
 * fee), green with a result, grey when it ended without one. Red is kept for what needs alarm: a
 * refusal, or an overdue dossier (whatever its status). The theme's primary colour is the
 * province's red, so no status uses `primary`.
 */
const TONE: Record<Status, Tone> = {
  SUBMITTED: 'info',
  RECEIVED: 'info',
  IN_REVIEW: 'info',
  NEEDS_SUPPLEMENT: 'warning',
  AWAITING_PAYMENT: 'warning',
  AWAITING_APPROVAL: 'info',
  RESULT_READY: 'success',
  DELIVERED: 'success',
  NOT_ACCEPTED: 'error',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  CANCELLED: 'default',
};

export const statusTone = (status: Status, overdue = false): Tone => (overdue ? 'error' : TONE[status]);

export function StatusChip({ status, overdue = false }: { status: Status; overdue?: boolean }) {
  const translate = useTranslate();
  const tone = statusTone(status, overdue);
  // Waiting for the office is filled; the citizen's turn and finished ones are outlined.
  const filled = status === 'AWAITING_APPROVAL' || status === 'RESULT_READY' || overdue || tone === 'error';
  return <Chip size="small" color={tone} variant={filled ? 'filled' : 'outlined'} label={translate(`app.status.${status}`)} sx={WRAPPING_CHIP} data-status={status} data-tone={tone} />;
}

export function StatusField(_: { label?: string; source?: string; sortBy?: string }) {
  const record = useRecordContext<DossierListItem>();
  return record ? <StatusChip status={record.status} overdue={record.overdue} /> : null;
}
