/** The working-time arithmetic the lifecycle needs (implemented by domain/calendar). */
export interface WorkingCalendar {
  receptionStart(ms: number): number;
  addWorkingHours(startMs: number, hours: number): number;
  addWorkingDays(startMs: number, days: number): number;
  workingMillisBetween(aMs: number, bMs: number): number;
}
