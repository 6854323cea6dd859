import { failure, type Result, success } from '../api/result';
import { addDays, addMonths, type Day, monthOf } from '../time';
import { DEFAULT_SCHEDULE_CONFIG, type TScheduleConfig } from './config';
import type { TFollowup } from './records';

/**
 * POLICY 004: a long prescription covers at most 2 months: starting 2026-01-15 it may run to
 * 2026-03-14, not 2026-03-15.
 */
export const checkLongPrescription = (
  p: { startDay: Day; endDay: Day },
  cfg: TScheduleConfig = DEFAULT_SCHEDULE_CONFIG,
): Result<true, 'PRESCRIPTION_TOO_LONG'> =>
  p.endDay <= addDays(addMonths(p.startDay, cfg.longPrescriptionMaxMonths), -1)
    ? success(true)
    : failure('PRESCRIPTION_TOO_LONG');

/** POLICY 003: at most 2 outreach days in any calendar month (the minimum is a schedule task). */
export const checkOutreachPlan = (
  days: readonly Day[],
  cfg: TScheduleConfig = DEFAULT_SCHEDULE_CONFIG,
): Result<true, 'OUTREACH_DAYS_EXCEEDED'> => {
  const perMonth = new Map<string, Set<Day>>();
  for (const d of days) perMonth.set(monthOf(d).key, (perMonth.get(monthOf(d).key) ?? new Set()).add(d));
  return [...perMonth.values()].every((s) => s.size <= cfg.outreachMaxPerMonth)
    ? success(true)
    : failure('OUTREACH_DAYS_EXCEEDED');
};

/**
 * POLICY 001: two consecutive unsatisfactory fasting-glucose results (≥ 7.0 mmol/L by default)
 * mean the diabetic patient should be referred: 7.4 then 8.1 → refer; 7.4, 6.2, 8.1 → not yet.
 */
export const diabetesNeedsReferral = (
  followups: readonly TFollowup[],
  cfg: TScheduleConfig = DEFAULT_SCHEDULE_CONFIG,
): boolean => {
  const tests = followups
    .filter((f) => f.kind === 'glucose_test' && f.measurements.glucose !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day));
  const last2 = tests.slice(-2);
  return (
    last2.length === 2 && last2.every((t) => (t.measurements.glucose ?? 0) >= cfg.diabetesUnsatisfiedGlucose)
  );
};
