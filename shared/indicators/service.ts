import { COLLECTIONS } from '../constants/collections';
import type { TPopulationFacts } from '../population/keyPopulations';
import { type Day, maxDay, minDay, quartersBetween, type Window } from '../time';
import {
  type ContractFacts,
  type Counts,
  countStage,
  liveContractOf,
  liveContractsExpr,
  lookupByResident,
} from './common';

/**
 * EFFECTIVE SIGN-SERVICE RATE (有效签约服务率, source 000, target ≥ 30 %), defined from service
 * records, never typed in:
 *   denominator: residents with a contract live on the period's last day;
 *   numerator:   those of them with at least one service record (a contact on any channel, or a
 *                follow-up of any kind) in EVERY calendar quarter of the period that overlaps
 *                that contract, counting only days from the contract's start.
 * Example, period 2026-01-01 … 2026-12-31, contract from 2026-05-10: Q1 is not required; Q2 needs a
 * record between 05-10 and 06-30; Q3 and Q4 each need one.
 */
type Dated = { residentId: string; day: Day };

/** The quarters of a period, the last one cut at the period end. */
export const periodQuarters = (period: Window): Window[] =>
  quartersBetween(period.start, period.end).map((q) => ({
    start: maxDay(q.start, period.start),
    end: minDay(q.end, period.end),
  }));

/** Effective sign-service counts over a period (pure form). */
export const effectiveServiceCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  services: readonly Dated[],
  period: Window,
): Counts => {
  const quarters = periodQuarters(period);
  let numerator = 0;
  let denominator = 0;
  for (const r of residents) {
    const live = liveContractOf(contracts, r._id, period.end);
    if (live?.startDate === undefined) continue;
    denominator++;
    const from = maxDay(period.start, live.startDate);
    const mine = services.filter((s) => s.residentId === r._id);
    const served = quarters.every(
      (q) => q.end < from || mine.some((s) => s.day >= maxDay(q.start, from) && s.day <= q.end),
    );
    if (served) numerator++;
  }
  return { numerator, denominator };
};

// Shared stages: keep residents live on `day`, bind their live contract as `$live`.
const liveStages = (day: Day) => [
  lookupByResident(COLLECTIONS.contracts, 'contracts'),
  { $addFields: { liveContracts: liveContractsExpr(day) } },
  { $match: { 'liveContracts.0': { $exists: true } } },
  { $addFields: { live: { $arrayElemAt: ['$liveContracts', 0] } } },
];

/** Effective sign-service rate (pipeline form, on `residents`, joining contracts, contacts, followups). */
export const effectiveServicePipeline = (period: Window) => [
  ...liveStages(period.end),
  lookupByResident(COLLECTIONS.contacts, 'contacts'),
  lookupByResident(COLLECTIONS.followups, 'followups'),
  {
    $addFields: {
      from: { $max: [period.start, '$live.startDate'] },
      services: { $concatArrays: ['$contacts', '$followups'] },
    },
  },
  countStage({
    $allElementsTrue: [
      {
        $map: {
          input: { $literal: periodQuarters(period) },
          as: 'q',
          in: {
            $or: [
              { $lt: ['$$q.end', '$from'] },
              { $gt: [{ $size: recordsIn('$services', { start: '$$q.start', end: '$$q.end' }) }, 0] },
            ],
          },
        },
      },
    ],
  }),
];

// Records of an array field dated inside [start, end] (expressions or day literals), from `$from` on.
const recordsIn = (field: string, w: { start: string; end: string }) => ({
  $filter: {
    input: field,
    as: 's',
    cond: { $and: [{ $gte: ['$$s.day', { $max: [w.start, '$from'] }] }, { $lte: ['$$s.day', w.end] }] },
  },
});

/**
 * QUARTERLY CONTACT COVERAGE (source 003, every signed resident every quarter, target 100 %):
 * residents live on `asOf` (capped at the quarter end) with at least one contact in the quarter,
 * counted from their contract start. asOf 2026-03-31 for Q1; mid-quarter it shows progress so far.
 */
export const quarterlyContactCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  contacts: readonly Dated[],
  quarter: Window,
  asOf: Day,
): Counts =>
  effectiveServiceCounts(residents, contracts, contacts, {
    start: quarter.start,
    end: minDay(quarter.end, asOf),
  });

/** Quarterly contact coverage (pipeline form, on `residents`, contacts only). */
export const quarterlyContactPipeline = (quarter: Window, asOf: Day) => {
  const period = { start: quarter.start, end: minDay(quarter.end, asOf) };
  return [
    ...liveStages(period.end),
    lookupByResident(COLLECTIONS.contacts, 'contacts'),
    { $addFields: { from: { $max: [period.start, '$live.startDate'] } } },
    countStage({ $gt: [{ $size: recordsIn('$contacts', { start: period.start, end: period.end }) }, 0] }),
  ];
};
