import { dayEnd, dayStart, type Window } from '../time';
import type { Counts } from './common';

/**
 * GRID-REPORT RESPONSE (source 003, "网格吹哨、家医报到": the response is tracked): of the reports
 * made in the period, the share the team answered within `targetHours` (24 h by default), and the
 * mean minutes to answer among answered ones. Reported 2026-03-31T15:00Z, answered 16:30Z → 90
 * minutes, within target. Unanswered reports count against the rate.
 */
export type ReportFacts = { reportedAt: Date; acknowledgedAt?: Date | null };
export type ResponseCounts = Counts & { responded: number; meanMinutes: number | null };

const minutesBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;

/** Response counts over reports made in a period of Shanghai days (pure form). */
export const gridResponseCounts = (
  reports: readonly ReportFacts[],
  period: Window,
  targetHours: number,
): ResponseCounts => {
  const [from, to] = [dayStart(period.start), dayEnd(period.end)];
  const inPeriod = reports.filter((r) => r.reportedAt >= from && r.reportedAt <= to);
  const answered = inPeriod.flatMap((r) =>
    r.acknowledgedAt ? [minutesBetween(r.reportedAt, r.acknowledgedAt)] : [],
  );
  const total = answered.reduce((n, m) => n + m, 0);
  return {
    denominator: inPeriod.length,
    numerator: answered.filter((m) => m <= targetHours * 60).length,
    responded: answered.length,
    meanMinutes: answered.length === 0 ? null : total / answered.length,
  };
};

/** Grid-report response (pipeline form, on `reports`). */
export const gridResponsePipeline = (period: Window, targetHours: number) => [
  { $match: { reportedAt: { $gte: dayStart(period.start), $lte: dayEnd(period.end) } } },
  {
    $project: {
      minutes: {
        $cond: [
          { $ifNull: ['$acknowledgedAt', false] },
          { $divide: [{ $subtract: ['$acknowledgedAt', '$reportedAt'] }, 60_000] },
          null,
        ],
      },
    },
  },
  {
    $group: {
      _id: null,
      denominator: { $sum: 1 },
      responded: { $sum: { $cond: [{ $eq: ['$minutes', null] }, 0, 1] } },
      numerator: {
        $sum: {
          $cond: [{ $and: [{ $ne: ['$minutes', null] }, { $lte: ['$minutes', targetHours * 60] }] }, 1, 0],
        },
      },
      totalMinutes: { $sum: { $ifNull: ['$minutes', 0] } },
    },
  },
];

/** Reads the pipeline's row into the same shape as the pure form. */
export const gridResponseFromRows = (rows: readonly Record<string, unknown>[]): ResponseCounts => {
  const r = rows[0];
  const responded = Number(r?.responded ?? 0);
  return {
    denominator: Number(r?.denominator ?? 0),
    numerator: Number(r?.numerator ?? 0),
    responded,
    meanMinutes: responded === 0 ? null : Number(r?.totalMinutes ?? 0) / responded,
  };
};
