import { z } from '../api/zod';
import { COLLECTIONS, type CollectionName } from '../constants/collections';
import type { TContract } from '../contract/model';
import { isLiveOn } from '../contract/status';
import type { Day } from '../time';

/**
 * Indicators are computed twice from one definition: a pure function over arrays (tests, small
 * reports) and an aggregation pipeline the `stats` function runs on the database
 * (`db.collection(x).aggregate()` stages). Tests run both on the same fixtures and compare.
 */
export const INDICATOR_IDS = [
  'keyPopulationSignRate',
  'overallCoverage',
  'povertyCoverage',
  'effectiveSignServiceRate',
  'quarterlyContactCoverage',
  'followupCompletion',
  'gridReportResponse',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The collection each pipeline form runs on: `db.collection(INDICATOR_COLLECTION[id]).aggregate()`. */
export const INDICATOR_COLLECTION: Record<IndicatorId, CollectionName> = {
  keyPopulationSignRate: COLLECTIONS.residents,
  overallCoverage: COLLECTIONS.residents,
  povertyCoverage: COLLECTIONS.residents,
  effectiveSignServiceRate: COLLECTIONS.residents,
  quarterlyContactCoverage: COLLECTIONS.residents,
  followupCompletion: COLLECTIONS.residents,
  gridReportResponse: COLLECTIONS.reports,
};

/**
 * Targets from POLICY.md "Targets and indicators" (a region may raise or lower them). The policy
 * sets no number for follow-up completion or grid response: "every patient, every quarter" and
 * "the response is tracked" become 100 % and 90 % within 24 hours as local defaults.
 */
export const ZIndicatorTargets = z.object({
  keyPopulationSignRate: z.number().min(0).max(1).default(0.6), // 000, 004
  overallCoverage: z.number().min(0).max(1).default(0.3), // 004
  povertyCoverage: z.number().min(0).max(1).default(1), // 001, 004 应签尽签
  effectiveSignServiceRate: z.number().min(0).max(1).default(0.3), // 000
  quarterlyContactCoverage: z.number().min(0).max(1).default(1), // 003
  followupCompletion: z.number().min(0).max(1).default(1), // 001
  gridReportResponse: z.number().min(0).max(1).default(0.9), // 003, local default
  gridResponseHours: z.number().int().min(1).max(168).default(24),
});
export type TIndicatorTargets = z.output<typeof ZIndicatorTargets>;
export const DEFAULT_TARGETS: TIndicatorTargets = ZIndicatorTargets.parse({});

/** A rate against its target; rate is null when nobody is in the denominator. */
export type Indicator = {
  id: IndicatorId;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number;
  met: boolean;
};

/** Counts as produced by both forms. */
export type Counts = { numerator: number; denominator: number };

/** Finishes counts into an indicator: 6 of 10 against 0.6 → rate 0.6, met. */
export const toIndicator = (id: IndicatorId, c: Counts, target: number): Indicator => {
  const rate = c.denominator === 0 ? null : c.numerator / c.denominator;
  return { id, ...c, rate, target, met: rate !== null && rate >= target };
};

/** Reads the single row a counting pipeline returns (none when the match was empty). */
export const countsFromRows = (rows: readonly Record<string, unknown>[]): Counts => {
  const r = rows[0];
  return { numerator: Number(r?.numerator ?? 0), denominator: Number(r?.denominator ?? 0) };
};

/** The fields of a contract an indicator reads. */
export type ContractFacts = Pick<TContract, 'residentId' | 'status' | 'startDate' | 'endDate'>;

/** The live contract of a resident on a day, if any (same rule as effectiveStatus). */
export const liveContractOf = (contracts: readonly ContractFacts[], residentId: string, day: Day) =>
  contracts.find((c) => c.residentId === residentId && isLiveOn(c as TContract, day));

/** Pipeline expression: the elements of `$contracts` live on `day` (status active|superseded, start ≤ day ≤ end). */
export const liveContractsExpr = (day: Day) => ({
  $filter: {
    input: '$contracts',
    as: 'c',
    cond: {
      $and: [
        { $in: ['$$c.status', ['active', 'superseded']] },
        { $lte: ['$$c.startDate', day] },
        { $gte: ['$$c.endDate', day] },
      ],
    },
  },
});

/** Pipeline stage: join a resident's documents from another collection by residentId. */
export const lookupByResident = (from: string, as: string) => ({
  $lookup: { from, localField: '_id', foreignField: 'residentId', as },
});

/** Final stage of every counting pipeline. */
export const countStage = (numeratorCondition: unknown) => ({
  $group: { _id: null, denominator: { $sum: 1 }, numerator: { $sum: { $cond: [numeratorCondition, 1, 0] } } },
});
