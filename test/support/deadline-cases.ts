import type { Deadline } from '../../domain/calendar';

/**
 * Due dates computed by hand, for `dueAt` (domain/calendar/deadline.test.ts) and for
 * `GET /api/calendar/due` (test/integration/calendar-due.test.ts). Times are Vietnam local
 * (UTC+7). Where a case crosses a day off, `why` names it and its source — "A2024" etc. are the
 * announcement runs of domain/calendar/announced-days-off.ts (2024: MOLISA's announcements;
 * 2025: letter 8726/VPCP-KGVX; 2026: letter 12729/VPCP-KGVX for New Year, the Ministry of Home
 * Affairs' for Tết), "LC112" is the Labour Code 2019 art. 112 as computed for other years.
 * Rules: docs/calendar.md.
 */
export interface DeadlineCase {
  /** Received at, local `YYYY-MM-DD HH:mm`. */
  from: string;
  deadline: Deadline;
  /** Due at, local `YYYY-MM-DD HH:mm`. */
  due: string;
  why: string;
}

const wd = (amount: number): Deadline => ({ kind: 'working-days', amount });
const cd = (amount: number): Deadline => ({ kind: 'calendar-days', amount });
const wh = (amount: number): Deadline => ({ kind: 'working-hours', amount });
const sameDay: Deadline = { kind: 'same-day' };

export const DEADLINE_CASES: readonly DeadlineCase[] = [
  // Reception day and the 15:00 cut-off, on plain weeks.
  { from: '2025-03-07 14:59', deadline: wd(1), due: '2025-03-10 17:00', why: 'Friday before 15:00 is received Friday; day 1 is Monday' },
  { from: '2025-03-07 15:00', deadline: wd(1), due: '2025-03-11 17:00', why: 'Friday from 15:00 is received Monday; day 1 is Tuesday' },
  { from: '2025-03-07 16:00', deadline: wd(1), due: '2025-03-11 17:00', why: 'Friday after 15:00: as if received Monday' },
  { from: '2025-03-08 10:00', deadline: wd(1), due: '2025-03-11 17:00', why: 'Saturday is a day off: as if received Monday' },
  { from: '2025-03-10 06:30', deadline: wd(1), due: '2025-03-11 17:00', why: 'before opening still counts as received that day' },
  // Tết 2024 (A2024: off Thu 8/2 – Wed 14/2; the old computed calendar had 15/2 off and 8/2 working).
  { from: '2024-02-07 10:00', deadline: wd(2), due: '2024-02-16 17:00', why: 'Wed before Tết 2024: 8/2–14/2 off (A2024), days 1–2 are Thu 15 and Fri 16' },
  { from: '2024-02-07 15:30', deadline: wd(1), due: '2024-02-16 17:00', why: 'Wed after 15:00: received Thu 15/2, first day after Tết (A2024)' },
  { from: '2024-02-15 09:00', deadline: wd(1), due: '2024-02-16 17:00', why: 'Thu 15/2/2024 is a working day after Tết (A2024)' },
  // Tết 2025 (A2025: off Sat 25/1 – Sun 2/2).
  { from: '2025-01-24 10:00', deadline: wd(1), due: '2025-02-03 17:00', why: 'Fri before Tết 2025: 27/1–31/1 off (A2025), day 1 is Mon 3/2' },
  { from: '2025-01-24 16:00', deadline: wd(3), due: '2025-02-06 17:00', why: 'Fri after 15:00 before Tết (A2025): received Mon 3/2; days 1–3 Tue–Thu' },
  { from: '2025-01-29 09:00', deadline: wd(1), due: '2025-02-04 17:00', why: 'filed online on 1 Tết (A2025): received Mon 3/2' },
  { from: '2025-02-03 08:00', deadline: wd(5), due: '2025-02-10 17:00', why: 'first day after Tết 2025 (A2025): five days Tue 4/2 – Mon 10/2' },
  // Tết 2026 (Ministry of Home Affairs: off Sat 14/2 – Sun 22/2).
  { from: '2026-02-13 09:00', deadline: wd(1), due: '2026-02-23 17:00', why: 'Fri before Tết 2026: 16/2–20/2 off (A2026), day 1 is Mon 23/2' },
  { from: '2026-02-12 16:00', deadline: wd(2), due: '2026-02-24 17:00', why: 'Thu after 15:00: received Fri 13/2; days 1–2 Mon 23 and Tue 24 (A2026)' },
  { from: '2026-02-23 10:00', deadline: wd(10), due: '2026-03-09 17:00', why: 'ten days from the first day after Tết 2026 (A2026): 24/2 … 9/3' },
  // 30/4 – 1/5.
  { from: '2024-04-26 16:00', deadline: wd(1), due: '2024-05-03 17:00', why: 'Fri after 15:00: 27/4–1/5 off, Mon 29/4 swapped (A2024); received Thu 2/5' },
  { from: '2024-05-03 09:00', deadline: wd(1), due: '2024-05-04 17:00', why: 'Sat 4/5/2024 is a swapped working day (A2024)' },
  { from: '2025-04-25 10:00', deadline: wd(2), due: '2025-04-28 17:00', why: 'Sat 26/4/2025 is a swapped working day (A2025): days 1–2 Sat 26 and Mon 28' },
  { from: '2025-04-29 10:00', deadline: wd(1), due: '2025-05-05 17:00', why: '30/4–4/5/2025 off, Fri 2/5 swapped (A2025)' },
  { from: '2026-04-29 10:00', deadline: wd(1), due: '2026-05-04 17:00', why: 'Thu 30/4 and Fri 1/5/2026 off (LC112 (d)(đ))' },
  // Hùng Kings' day.
  { from: '2024-04-17 10:00', deadline: wd(1), due: '2024-04-19 17:00', why: 'Hùng Kings Thu 18/4/2024 (10/3 lunar, LC112 (c))' },
  { from: '2025-04-04 10:00', deadline: wd(1), due: '2025-04-08 17:00', why: 'Hùng Kings Mon 7/4/2025 (10/3 lunar, A2025)' },
  { from: '2026-04-24 10:00', deadline: wd(1), due: '2026-04-28 17:00', why: 'Hùng Kings Sun 26/4/2026, substitute Mon 27/4 (LC112 (3))' },
  // National Day.
  { from: '2024-08-30 16:00', deadline: wd(1), due: '2024-09-05 17:00', why: 'Fri after 15:00: 2/9 and 3/9/2024 off (A2024); received Wed 4/9' },
  { from: '2025-08-29 10:00', deadline: wd(1), due: '2025-09-03 17:00', why: '1/9 and 2/9/2025 off (A2025)' },
  { from: '2026-08-31 10:00', deadline: wd(1), due: '2026-09-03 17:00', why: '1/9 and 2/9/2026 off (LC112 (e), 1/9 as in 2025)' },
  // The year's end.
  { from: '2024-12-31 16:00', deadline: wd(1), due: '2025-01-03 17:00', why: 'Tue 31/12 after 15:00: 1/1/2025 off (LC112 (a)); received Thu 2/1' },
  { from: '2025-12-31 10:00', deadline: wd(1), due: '2026-01-05 17:00', why: '1/1 and 2/1/2026 off (letter 12729/VPCP-KGVX)' },
  { from: '2026-01-08 10:00', deadline: wd(2), due: '2026-01-10 17:00', why: 'Sat 10/1/2026 is the swapped working day (letter 12729/VPCP-KGVX)' },
  { from: '2026-12-31 10:00', deadline: wd(1), due: '2027-01-04 17:00', why: '1/1/2027 is a Friday, computed (LC112 (a)); day 1 is Mon 4/1' },
  // Same day.
  { from: '2025-03-10 09:00', deadline: sameDay, due: '2025-03-10 17:00', why: 'received in the morning: due at that day’s close' },
  { from: '2025-03-10 15:30', deadline: sameDay, due: '2025-03-11 17:00', why: 'received after 15:00: the next working day’s close' },
  { from: '2025-03-07 16:00', deadline: sameDay, due: '2025-03-10 17:00', why: 'Friday after 15:00: Monday’s close' },
  { from: '2025-01-24 15:10', deadline: sameDay, due: '2025-02-03 17:00', why: 'Fri after 15:00 before Tết 2025 (A2025): Mon 3/2' },
  { from: '2026-04-26 09:00', deadline: sameDay, due: '2026-04-28 17:00', why: 'on Hùng Kings Sunday, substitute Monday off (LC112 (3)): Tue 28/4' },
  // Working hours, as addWorkingHours counts them.
  { from: '2025-03-10 09:00', deadline: wh(4), due: '2025-03-10 15:00', why: '2.5 h to 11:30, 1.5 h from 13:30' },
  { from: '2025-03-07 16:00', deadline: wh(4), due: '2025-03-10 11:00', why: 'Friday after 15:00: the clock starts Monday 07:00' },
  { from: '2026-02-13 14:00', deadline: wh(8), due: '2026-02-23 14:00', why: '3 h on Fri 13/2, then Tết 2026 (A2026), 5 h on Mon 23/2' },
  // Calendar days (Civil Code 2015 art. 147(2) and 148(5)).
  { from: '2025-03-10 09:00', deadline: cd(4), due: '2025-03-14 17:00', why: 'Mon + 4 days is Fri' },
  { from: '2025-03-10 09:00', deadline: cd(5), due: '2025-03-17 17:00', why: 'Mon + 5 days is Sat, a day off: the next working day' },
  { from: '2025-01-21 10:00', deadline: cd(7), due: '2025-02-03 17:00', why: 'Tue + 7 is Tue 28/1/2025, in Tết (A2025): Mon 3/2' },
  { from: '2025-04-25 09:00', deadline: cd(1), due: '2025-04-26 17:00', why: 'Fri + 1 is Sat 26/4/2025, a swapped working day (A2025)' },
  { from: '2025-08-29 16:00', deadline: cd(3), due: '2025-09-08 17:00', why: 'Fri after 15:00: received Wed 3/9 (A2025); + 3 is Sat 6/9: Mon 8/9' },
  { from: '2026-04-20 10:00', deadline: cd(7), due: '2026-04-28 17:00', why: 'Mon + 7 is Mon 27/4/2026, Hùng Kings’ substitute (LC112 (3))' },
  { from: '2026-12-30 10:00', deadline: cd(2), due: '2027-01-04 17:00', why: 'Wed + 2 is Fri 1/1/2027 (LC112 (a)): Mon 4/1' },
];
