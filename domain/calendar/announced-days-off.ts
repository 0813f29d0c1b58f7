/**
 * The days off the government announced for civil servants, year by year: the runs of days off
 * (weekends inside a run included, as announcements state them) and the weekend days turned
 * into working days in exchange for a weekday inside a run. Years not listed here are computed
 * from the Labour Code 2019 art. 112 (holidays.ts); the administrator's `holidays` table wins
 * over both. Rules and sources: docs/calendar.md.
 *
 * Announcement numbers are cited only where we are sure of them; otherwise the source says whose
 * announcement it was, and the dates were checked against the law: every year below gives the
 * 11 working days off of art. 112(1) (1 + 5 + 1 + 1 + 1 + 2), net of its swapped working days
 * (holidays.test.ts checks it).
 */
import type { HolidayName } from './holiday-name';

export type AnnouncedRun = { name: HolidayName; from: string; to: string; source: string };
export type AnnouncedWorkingDay = { date: string; source: string };
export type AnnouncedYear = { off: readonly AnnouncedRun[]; working: readonly AnnouncedWorkingDay[] };

const LAW = 'Labour Code 2019 art. 112';

export const ANNOUNCED_YEARS: Readonly<Record<number, AnnouncedYear>> = {
  2024: {
    off: [
      { name: 'new-year', from: '2024-01-01', to: '2024-01-01', source: `${LAW}(1)(a): Monday 1/1` },
      {
        name: 'tet',
        from: '2024-02-08',
        to: '2024-02-14',
        source: 'Ministry of Labour, Invalids and Social Affairs, announcement on Tết and National Day 2024 (November 2023), approved by the Prime Minister: 29 Chạp Quý Mão (Thu 8/2) to 5 Tết Giáp Thìn (Wed 14/2)',
      },
      { name: 'hung-kings', from: '2024-04-18', to: '2024-04-18', source: `${LAW}(1)(c): 10/3 lunar, Thursday 18/4` },
      {
        name: 'reunification',
        from: '2024-04-27',
        to: '2024-05-01',
        source: 'Ministry of Labour, Invalids and Social Affairs, announcement of April 2024 (Prime Minister approved): Sat 27/4 to Wed 1/5, Monday 29/4 swapped for Saturday 4/5',
      },
      {
        name: 'national-day',
        from: '2024-08-31',
        to: '2024-09-03',
        source: 'Ministry of Labour, Invalids and Social Affairs, announcement on Tết and National Day 2024: 2/9 and the day after (Tue 3/9)',
      },
    ],
    working: [{ date: '2024-05-04', source: 'Swapped for Monday 29/4/2024 (announcement of April 2024)' }],
  },
  2025: {
    off: [
      { name: 'new-year', from: '2025-01-01', to: '2025-01-01', source: `${LAW}(1)(a): Wednesday 1/1` },
      {
        name: 'tet',
        from: '2025-01-25',
        to: '2025-02-02',
        source: 'Prime Minister’s decision in Government Office letter 8726/VPCP-KGVX of 26/11/2024, announced by the Ministry of Labour, Invalids and Social Affairs: Sat 25/1 to Sun 2/2 (26 Chạp Giáp Thìn to 5 Tết Ất Tỵ)',
      },
      { name: 'hung-kings', from: '2025-04-05', to: '2025-04-07', source: `${LAW}(1)(c): 10/3 lunar, Monday 7/4` },
      {
        name: 'reunification',
        from: '2025-04-30',
        to: '2025-05-04',
        source: 'Letter 8726/VPCP-KGVX of 26/11/2024: Wed 30/4 to Sun 4/5, Friday 2/5 swapped for Saturday 26/4',
      },
      { name: 'national-day', from: '2025-08-30', to: '2025-09-02', source: 'Letter 8726/VPCP-KGVX of 26/11/2024: 2/9 and the day before (Mon 1/9)' },
    ],
    working: [{ date: '2025-04-26', source: 'Swapped for Friday 2/5/2025 (letter 8726/VPCP-KGVX)' }],
  },
  2026: {
    off: [
      {
        name: 'new-year',
        from: '2026-01-01',
        to: '2026-01-04',
        source: 'Deputy Prime Minister’s approval of the Ministry of Home Affairs’ proposal, Government Office letter 12729/VPCP-KGVX of 25/12/2025: Thu 1/1 to Sun 4/1, Friday 2/1 swapped for Saturday 10/1',
      },
      {
        name: 'tet',
        from: '2026-02-14',
        to: '2026-02-22',
        source: 'Ministry of Home Affairs, announcement on Tết Bính Ngọ 2026 approved by the Prime Minister: Sat 14/2 (27 Chạp Ất Tỵ) to Sun 22/2 (6 Tết)',
      },
      { name: 'hung-kings', from: '2026-04-25', to: '2026-04-27', source: `${LAW}(1)(c) and (3): 10/3 lunar is Sunday 26/4, compensated on Monday 27/4` },
      { name: 'reunification', from: '2026-04-30', to: '2026-05-03', source: `${LAW}(1)(d)(đ): Thursday 30/4 and Friday 1/5` },
      {
        name: 'national-day',
        from: '2026-09-01',
        to: '2026-09-02',
        source: `${LAW}(1)(e): 2/9 and the day before (Tue 1/9), as in 2025; this year's announcement was not checked — an administrator corrects it with overrides if it differs`,
      },
    ],
    working: [{ date: '2026-01-10', source: 'Swapped for Friday 2/1/2026 (letter 12729/VPCP-KGVX)' }],
  },
};
