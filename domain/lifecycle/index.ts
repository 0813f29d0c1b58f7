export * from './state';
export * from './rules';
export * from './reduce';
export * from './timers';
export * from './timeliness';
export type { WorkingCalendar } from './calendar-port';
