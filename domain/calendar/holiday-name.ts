/** The public holidays of the Labour Code 2019, art. 112(1). */
export type HolidayName =
  | 'new-year'
  | 'tet'
  | 'hung-kings'
  | 'reunification'
  | 'labour-day'
  | 'national-day';
