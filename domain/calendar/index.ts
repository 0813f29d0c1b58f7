export { lunarToSolar, solarToLunar, type LunarDate, type SolarDate } from './lunar';
export { announcedWorkingDays, holidaysOf, publicHolidays, type Holiday, type HolidayName } from './holidays';
export {
  createCalendar,
  WORKING_HOURS_PER_DAY,
  type CalendarOptions,
  type CalendarOverride,
  type WorkingCalendar,
} from './working-time';
export { DEADLINE_KINDS, dueAt, type Deadline, type DeadlineCalendar, type DeadlineKind } from './deadline';
