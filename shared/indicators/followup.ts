import { COLLECTIONS } from '../constants/collections';
import type { FollowupCondition } from '../constants/tags';
import type { TPopulationFacts } from '../population/keyPopulations';
import type { FollowupKind, TFollowup } from '../schedule/records';
import { quartersBetween, type Window } from '../time';
import {
  type ContractFacts,
  type Counts,
  countStage,
  liveContractOf,
  liveContractsExpr,
  lookupByResident,
} from './common';

/**
 * FOLLOW-UP COMPLETION per condition (source 001): patients with the condition and a contract
 * live on the period end who received the yearly quota, prorated by quarter: hypertension,
 * diabetes and severe mental 4 a year (1 per quarter of the period), other chronic 1 a year.
 * A follow-up qualifies when its kind matches and, for diabetes and other chronic, it was not by
 * phone (face to face); severe-mental ones always carry a risk level (the schema requires it).
 */
export const FOLLOWUP_QUOTAS: Record<
  FollowupCondition,
  { perYear: number; kind: FollowupKind; faceToFace: boolean }
> = {
  hypertension: { perYear: 4, kind: 'hypertension', faceToFace: false },
  diabetes: { perYear: 4, kind: 'diabetes', faceToFace: true },
  severe_mental: { perYear: 4, kind: 'severe_mental', faceToFace: false },
  other_chronic: { perYear: 1, kind: 'other_chronic', faceToFace: true },
};

/** Follow-ups required in a period: 4 a year over Q1–Q2 → 2; 1 a year over one quarter → 1. */
export const requiredFollowups = (condition: FollowupCondition, period: Window): number =>
  Math.ceil((FOLLOWUP_QUOTAS[condition].perYear * quartersBetween(period.start, period.end).length) / 4);

const qualifies = (
  condition: FollowupCondition,
  f: Pick<TFollowup, 'kind' | 'mode' | 'day'>,
  period: Window,
) => {
  const q = FOLLOWUP_QUOTAS[condition];
  return (
    f.kind === q.kind && (!q.faceToFace || f.mode !== 'phone') && f.day >= period.start && f.day <= period.end
  );
};

/** Follow-up completion counts (pure form). */
export const followupCompletionCounts = (
  condition: FollowupCondition,
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  followups: readonly (Pick<TFollowup, 'kind' | 'mode' | 'day'> & { residentId: string })[],
  period: Window,
): Counts => {
  const required = requiredFollowups(condition, period);
  const patients = residents.filter(
    (r) => r.tags.includes(condition) && liveContractOf(contracts, r._id, period.end),
  );
  return {
    denominator: patients.length,
    numerator: patients.filter(
      (r) =>
        followups.filter((f) => f.residentId === r._id && qualifies(condition, f, period)).length >= required,
    ).length,
  };
};

/** Follow-up completion (pipeline form, on `residents`). */
export const followupCompletionPipeline = (condition: FollowupCondition, period: Window) => {
  const q = FOLLOWUP_QUOTAS[condition];
  const conds: unknown[] = [
    { $eq: ['$$f.kind', q.kind] },
    { $gte: ['$$f.day', period.start] },
    { $lte: ['$$f.day', period.end] },
  ];
  if (q.faceToFace) conds.push({ $ne: ['$$f.mode', 'phone'] });
  return [
    { $match: { tags: condition } },
    lookupByResident(COLLECTIONS.contracts, 'contracts'),
    { $match: { $expr: { $gt: [{ $size: liveContractsExpr(period.end) }, 0] } } },
    lookupByResident(COLLECTIONS.followups, 'followups'),
    countStage({
      $gte: [
        { $size: { $filter: { input: '$followups', as: 'f', cond: { $and: conds } } } },
        requiredFollowups(condition, period),
      ],
    }),
  ];
};
