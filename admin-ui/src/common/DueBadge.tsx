import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate, useLocaleState } from 'react-admin';
import type { DossierListItem } from '../types';
import { dueState, splitWorking, workingLeft } from './working-time';
import { WRAPPING_CHIP } from './fields';
import { formatDateTime } from './format';

const COLORS = { on_time: 'success', due_soon: 'warning', overdue: 'error', none: 'default' } as const;
/** As domain/status.ts: the clock stops when the result is ready (docs/decision-766.md). */
const CLOCK_RUNNING = new Set(['RECEIVED', 'IN_REVIEW', 'AWAITING_APPROVAL']);

/** Remaining working time as a coloured badge: on time, due soon (< 1 working day), overdue. */
export function DueBadge({ record: given }: { record?: DossierListItem; label?: string; source?: string; sortable?: boolean }) {
  const ctx = useRecordContext<DossierListItem>();
  const record = given ?? ctx;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  if (record.finishedAt) return null;
  if (!record.dueAt) return <Chip size="small" variant="outlined" label={translate('app.due.none')} />;
  if (record.status === 'RESULT_READY') return <Chip size="small" variant="outlined" label={translate('app.due.result_ready')} data-testid="due-badge" data-state="result-ready" />;
  if (!CLOCK_RUNNING.has(record.status)) return <Chip size="small" variant="outlined" label={translate('app.due.paused')} />;
  const state = dueState(record.dueAt, record.overdue);
  const left = workingLeft(record.dueAt);
  const { d, h, m, totalHours } = splitWorking(left);
  const time = totalHours >= 8 ? translate('app.due.days', { d, h }) : translate('app.due.hours', { h: totalHours, m });
  const text = `${translate(`app.due.${state}`)} · ${translate(left < 0 ? 'app.due.late' : 'app.due.left', { time })}`;
  return (
    <Tooltip title={formatDateTime(record.dueAt, locale)}>
      <Chip size="small" color={COLORS[state]} label={text} sx={WRAPPING_CHIP} data-testid="due-badge" data-state={state} />
    </Tooltip>
  );
}
