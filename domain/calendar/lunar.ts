/**
 * Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch"), which follows Jean Meeus' "Astronomical Algorithms".
 *
 * The rules it encodes:
 * - a lunar month starts on the local day (UTC+7) of the new moon;
 * - lunar month 11 is the month that contains the winter solstice;
 * - a lunar year with 13 months (13 new moons between two months 11) repeats, as a leap month,
 *   the first month after month 11 that contains no major solar term (trung khí).
 *
 * Vietnam uses UTC+7, China UTC+8: the two calendars occasionally differ (e.g. Tết 1985),
 * so the time zone is not a parameter here — it is fixed by the domain.
 */
import { civilFromDays, daysFromCivil, type CivilDate } from './civil-date';

export type SolarDate = CivilDate;
export type LunarDate = { year: number; month: number; day: number; leap: boolean };

const TIME_ZONE = 7;
/** Julian day number of 1970-01-01; converts our epoch days to the algorithm's JDN. */
const JDN_OF_EPOCH = 2440588;
/** JDN of the new moon that starts the algorithm's lunation count (1900-01-01). */
const NEW_MOON_EPOCH = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;

const jdnFromSolar = (year: number, month: number, day: number) =>
  daysFromCivil(year, month, day) + JDN_OF_EPOCH;
const solarFromJdn = (jdn: number) => civilFromDays(jdn - JDN_OF_EPOCH);

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, reduced series). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent sun longitude in radians, normalised to [0, 2π), at Julian date `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Which of the 12 major-term sectors (0..11) the sun is in at local midnight starting `jdn`. */
const sunSector = (jdn: number) =>
  Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** Local (UTC+7) day number on which the k-th new moon falls. */
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** JDN of the first day of lunar month 11 of solar year `year` (the month holding the solstice). */
function lunarMonth11(year: number): number {
  const k = Math.floor((jdnFromSolar(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // If the sun is already past the solstice sector at this new moon, the solstice lies in the
  // previous lunation.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = sector;
    i++;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
}

export function solarToLunar(day: number, month: number, year: number): LunarDate {
  const jdn = jdnFromSolar(year, month, day);
  const k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > jdn) monthStart = newMoonDay(k);

  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }

  const diff = Math.floor((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (diff >= leapOffset) {
      lunarMonth = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  // Months 11 and 12 right after a11 still belong to the previous lunar year.
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;

  return { year: lunarYear, month: lunarMonth, day: jdn - monthStart + 1, leap };
}

/**
 * Solar date of a lunar date. Throws if `leap` is asked for a month that is not the leap month
 * of that lunar year. Day 30 of a 29-day month is not rejected: it yields the next month's day 1.
 */
export function lunarToSolar(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  leap = false,
): SolarDate {
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = lunarMonth - 11;
  if (offset < 0) offset += 12;

  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) {
      throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    }
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month`);
  }

  return solarFromJdn(newMoonDay(k + offset) + lunarDay - 1);
}
