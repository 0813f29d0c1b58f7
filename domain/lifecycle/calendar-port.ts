/** The working-time arithmetic the lifecycle needs (implemented by domain/calendar). */
export interface WorkingCalendar {
  receptionStart(ms: number): number;
  addWorkingHours(startMs: number, hours: number): number;
  addWorkingDays(startMs: number, days: number): number;
  workingMillisBetween(aMs: number, bMs: number): number;
  /** For deadlines counted in days as the law counts them (domain/calendar/deadline.ts). */
  isWorkingDay(isoDate: string): boolean;
  nextWorkingDay(isoDate: string): string;
}
