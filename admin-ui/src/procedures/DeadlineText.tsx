import { useTranslate } from 'react-admin';
import type { Procedure } from '../types';

/** A procedure's processing time in words: working days, calendar days, or that none is stated. */
export function DeadlineText({ deadline }: { deadline: Procedure['deadline'] }) {
  const translate = useTranslate();
  if (deadline.kind === 'same-day') return <>{translate('app.deadline.kind.same-day')}</>;
  if (deadline.workingDays !== null) return <>{translate('app.deadline.workingDays', { smart_count: deadline.workingDays, _: `${deadline.workingDays} ngày làm việc` })}</>;
  if (deadline.calendarDays !== undefined) return <>{translate('app.deadline.calendarDays', { smart_count: deadline.calendarDays, _: `${deadline.calendarDays} ngày` })}</>;
  return <>{translate('app.deadline.none', { _: 'Không quy định' })}</>;
}
