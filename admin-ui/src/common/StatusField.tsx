import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Dossier, Status } from '../types';

const COLOR: Record<Status, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  SUBMITTED: 'info',
  RECEIVED: 'primary',
  IN_REVIEW: 'primary',
  NEEDS_SUPPLEMENT: 'warning',
  AWAITING_PAYMENT: 'warning',
  AWAITING_APPROVAL: 'secondary',
  RESULT_READY: 'success',
  DELIVERED: 'success',
  NOT_ACCEPTED: 'default',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  CANCELLED: 'default',
};

export function StatusChip({ status }: { status: Status }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOR[status]} variant={status === 'DELIVERED' ? 'outlined' : 'filled'} label={translate(`app.status.${status}`)} data-status={status} />;
}

export function StatusField(_: { label?: string; source?: string; sortBy?: string }) {
  const record = useRecordContext<Dossier>();
  return record ? <StatusChip status={record.status} /> : null;
}
