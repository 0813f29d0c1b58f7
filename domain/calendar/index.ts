export { lunarToSolar, solarToLunar, type LunarDate, type SolarDate } from './lunar';
export { holidaysOf, publicHolidays, type Holiday, type HolidayName } from './holidays';
export {
  createCalendar,
  WORKING_HOURS_PER_DAY,
  type CalendarOverride,
  type WorkingCalendar,
} from './working-time';
