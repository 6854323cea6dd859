import { addDays, addMonths, type Day, daysInMonth, maxDay, minDay } from './zone';

/** An inclusive span of Shanghai days. */
export type Window = { start: Day; end: Day };

/** A calendar quarter: Q1 = Jan–Mar. `key` is stable for dedupe keys, e.g. '2026-Q2'. */
export type Quarter = Window & { year: number; quarter: 1 | 2 | 3 | 4; key: string };

/** The calendar quarter containing a day: '2026-03-31' → 2026-Q1 (Jan 1 – Mar 31). */
export const quarterOf = (day: Day): Quarter => {
  const year = Number(day.slice(0, 4));
  const quarter = (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year,
    quarter,
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
};

/** The quarter before: 2026-Q1 → 2025-Q4. */
export const previousQuarter = (q: Quarter): Quarter => quarterOf(addDays(q.start, -1));

/** Every quarter overlapping [from, to], in order: ('2026-02-10','2026-07-01') → Q1, Q2, Q3. */
export const quartersBetween = (from: Day, to: Day): Quarter[] => {
  const out: Quarter[] = [];
  for (let q = quarterOf(from); q.start <= to; q = quarterOf(addDays(q.end, 1))) out.push(q);
  return out;
};

/** The calendar year containing a day as a window. */
export const yearOf = (day: Day): Window & { year: number; key: string } => {
  const year = Number(day.slice(0, 4));
  return { year, key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
};

/** The calendar month containing a day: '2026-02-10' → 2026-02-01 … 2026-02-28. */
export const monthOf = (day: Day): Window & { key: string } => {
  const start = `${day.slice(0, 7)}-01`;
  return { key: day.slice(0, 7), start, end: addDays(addMonths(start, 1), -1) };
};

/** The half year containing a day: H1 = Jan–Jun, H2 = Jul–Dec (supervision reviews). */
export const halfYearOf = (day: Day): Window & { key: string } => {
  const y = day.slice(0, 4);
  return Number(day.slice(5, 7)) <= 6
    ? { key: `${y}-H1`, start: `${y}-01-01`, end: `${y}-06-30` }
    : { key: `${y}-H2`, start: `${y}-07-01`, end: `${y}-12-31` };
};

/** True when a day lies inside an inclusive window. */
export const inWindow = (day: Day, w: Window): boolean => day >= w.start && day <= w.end;

/** The overlap of two windows, or null when they do not meet. */
export const intersect = (a: Window, b: Window): Window | null => {
  const start = maxDay(a.start, b.start);
  const end = minDay(a.end, b.end);
  return start <= end ? { start, end } : null;
};

/** The Monday-to-Sunday week containing a day: '2026-11-25' (Wed) → 2026-11-23 … 2026-11-29. */
export const weekOf = (day: Day): Window & { key: string } => {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday; a day string has no zone
  const start = addDays(day, -((dow + 6) % 7));
  return { key: `W${start}`, start, end: addDays(start, 6) };
};
