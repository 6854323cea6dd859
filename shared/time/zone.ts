import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar computation happens here, whatever zone the machine or the phone is in. */
export const ZONE = 'Asia/Shanghai';

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. Instants are `Date`s (UTC); days are strings. */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day string: `2026-02-29` is false (2026 is not a leap year). */
export const isValidDay = (s: string): boolean => {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
};

/** Days in a month, leap years included (Gregorian). */
export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** The Shanghai calendar day of an instant: 2026-03-31T15:59Z → 2026-03-31, 16:00Z → 2026-04-01. */
export const shanghaiDay = (instant: Date): Day => dayjs(instant).tz(ZONE).format('YYYY-MM-DD');

/** The instant a Shanghai day starts: 2026-04-01 → 2026-03-31T16:00:00.000Z. */
export const dayStart = (day: Day): Date => dayjs.tz(`${day} 00:00:00`, ZONE).toDate();

/** The last millisecond of a Shanghai day: 2026-03-31 → 2026-03-31T15:59:59.999Z. */
export const dayEnd = (day: Day): Date => new Date(dayStart(addDays(day, 1)).getTime() - 1);

// Day arithmetic is zone-free once we hold a day string, so it runs on UTC midnights.
const asUtc = (day: Day) => dayjs.utc(day, 'YYYY-MM-DD');

/** `day` plus n days (n may be negative): addDays('2026-03-02', 14) → '2026-03-16'. */
export const addDays = (day: Day, n: number): Day => asUtc(day).add(n, 'day').format('YYYY-MM-DD');

/** `day` plus n months, clamped to month end: addMonths('2026-01-31', 1) → '2026-02-28'. */
export const addMonths = (day: Day, n: number): Day => asUtc(day).add(n, 'month').format('YYYY-MM-DD');

/** Whole days from a to b: diffDays('2026-03-02', '2026-03-16') → 14. */
export const diffDays = (a: Day, b: Day): number => asUtc(b).diff(asUtc(a), 'day');

/** The later of two days (ISO day strings sort chronologically). */
export const maxDay = (a: Day, b: Day): Day => (a >= b ? a : b);

/** The earlier of two days. */
export const minDay = (a: Day, b: Day): Day => (a <= b ? a : b);

/** Full years between a birth day and a day; a 29 Feb birthday ages on 1 Mar in common years. */
export const ageOn = (birth: Day, day: Day): number => {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) >= birth.slice(5) ? years : years - 1;
};

/** The birth day on or before which a person is at least `years` old on `day`. */
export const bornOnOrBefore = (day: Day, years: number): Day => {
  // On 2028-02-29, 65 years back has no 29 Feb (1963): the cutoff is 1963-02-28, matching ageOn.
  const y = String(Number(day.slice(0, 4)) - years).padStart(4, '0');
  const candidate = `${y}${day.slice(4)}`;
  return isValidDay(candidate) ? candidate : `${y}-02-28`;
};
