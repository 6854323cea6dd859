import type { Day } from '../time';

/**
 * China's public holidays and make-up workdays (调休) as data. Clinics are closed on a holiday;
 * on a make-up workday (a weekend day worked) they open as on a weekday.
 *
 * 2026 follows the State Council General Office notice on the 2026 holiday arrangements
 * (published November 2025), checked day by day against the weekday each date falls on:
 * - New Year 元旦: Jan 1 (Thu) – Jan 3 (Sat) off; Jan 4 (Sun) worked.
 * - Spring Festival 春节: Feb 15 (Sun) – Feb 23 (Mon) off; Feb 14 (Sat) and Feb 28 (Sat) worked.
 * - Qingming 清明节: Apr 4 (Sat) – Apr 6 (Mon) off; no make-up day.
 * - Labour Day 劳动节: May 1 (Fri) – May 5 (Tue) off; May 9 (Sat) worked.
 * - Dragon Boat 端午节: Jun 19 (Fri) – Jun 21 (Sun) off; no make-up day.
 * - Mid-Autumn 中秋节: Sep 25 (Fri) – Sep 27 (Sun) off; no make-up day.
 * - National Day 国庆节: Oct 1 (Thu) – Oct 7 (Wed) off; Sep 20 (Sun) and Oct 10 (Sat) worked.
 * Least certain from memory (verify against the notice before go-live): the single Labour Day
 * make-up day (May 9) — marked `verify: true` below.
 *
 * 2027 is NOT published yet (the notice usually comes out in November of the year before). The
 * entries are PROVISIONAL: the statutory days only, on the lunar dates computed for 2027
 * (Spring Festival eve Feb 5, Qingming Apr 5, Dragon Boat Jun 9, Mid-Autumn Sep 15), without
 * bridging days or make-up workdays. Replace them with the published calendar via
 * `calendarFrom()` (data, not code) when the notice appears.
 */
export type HolidayYear = {
  year: number;
  status: 'published' | 'provisional';
  /** Days off (clinics closed). */
  holidays: { day: Day; name: string; verify?: boolean }[];
  /** Weekend days worked (clinics open). */
  workdays: { day: Day; name: string; verify?: boolean }[];
};

const range = (from: Day, to: Day, name: string): { day: Day; name: string }[] => {
  const out: { day: Day; name: string }[] = [];
  // Day strings sort chronologically; ranges here are within one year.
  for (let d = from; d <= to; d = nextDay(d)) out.push({ day: d, name });
  return out;
};

const nextDay = (d: Day): Day => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

export const HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  status: 'published',
  holidays: [
    ...range('2026-01-01', '2026-01-03', '元旦'),
    ...range('2026-02-15', '2026-02-23', '春节'),
    ...range('2026-04-04', '2026-04-06', '清明节'),
    ...range('2026-05-01', '2026-05-05', '劳动节'),
    ...range('2026-06-19', '2026-06-21', '端午节'),
    ...range('2026-09-25', '2026-09-27', '中秋节'),
    ...range('2026-10-01', '2026-10-07', '国庆节'),
  ],
  workdays: [
    { day: '2026-01-04', name: '元旦调休' },
    { day: '2026-02-14', name: '春节调休' },
    { day: '2026-02-28', name: '春节调休' },
    { day: '2026-05-09', name: '劳动节调休', verify: true },
    { day: '2026-09-20', name: '国庆节调休' },
    { day: '2026-10-10', name: '国庆节调休' },
  ],
};

export const HOLIDAYS_2027_PROVISIONAL: HolidayYear = {
  year: 2027,
  status: 'provisional',
  holidays: [
    { day: '2027-01-01', name: '元旦' },
    ...range('2027-02-05', '2027-02-08', '春节'),
    { day: '2027-04-05', name: '清明节' },
    ...range('2027-05-01', '2027-05-02', '劳动节'),
    { day: '2027-06-09', name: '端午节' },
    { day: '2027-09-15', name: '中秋节' },
    ...range('2027-10-01', '2027-10-03', '国庆节'),
  ],
  workdays: [],
};

/** The calendar availability reads: day → holiday name, and the set of make-up workdays. */
export type HolidayCalendar = {
  holidays: ReadonlyMap<Day, string>;
  workdays: ReadonlySet<Day>;
  /** Years covered; a day outside them is treated by its weekday alone. */
  years: readonly number[];
  provisionalYears: readonly number[];
};

/** Builds a calendar from year data (a region may pass its own, e.g. the published 2027 notice). */
export const calendarFrom = (years: readonly HolidayYear[]): HolidayCalendar => ({
  holidays: new Map(years.flatMap((y) => y.holidays.map((h) => [h.day, h.name] as const))),
  workdays: new Set(years.flatMap((y) => y.workdays.map((w) => w.day))),
  years: years.map((y) => y.year),
  provisionalYears: years.filter((y) => y.status === 'provisional').map((y) => y.year),
});

/** 2026 (published) and 2027 (provisional). */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = calendarFrom([
  HOLIDAYS_2026,
  HOLIDAYS_2027_PROVISIONAL,
]);

/** ISO weekday of a day, Monday = 1 … Sunday = 7 (zone-free: a day string has no zone). */
export const isoWeekday = (day: Day): number => {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
};

/** True when clinics are closed for a public holiday: isHoliday('2026-10-01') → true. */
export const isHoliday = (cal: HolidayCalendar, day: Day): boolean => cal.holidays.has(day);

/** True for a weekend day worked in lieu: isMakeUpWorkday('2026-02-28') → true (a Saturday). */
export const isMakeUpWorkday = (cal: HolidayCalendar, day: Day): boolean => cal.workdays.has(day);

/**
 * The weekday whose weekly sessions run on `day`, or null when clinics are closed.
 * 2026-10-01 (holiday) → null; 2026-10-10 (Sat, make-up) → makeUpWeekday (Monday by default);
 * 2026-10-12 (Mon) → 1; 2026-10-11 (Sun) → 7 (a clinic with Sunday sessions still opens).
 */
export const sessionWeekday = (cal: HolidayCalendar, day: Day, makeUpWeekday: number): number | null => {
  if (isHoliday(cal, day)) return null;
  if (isMakeUpWorkday(cal, day)) return makeUpWeekday;
  return isoWeekday(day);
};
