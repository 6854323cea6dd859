import { z } from '../../api/zod';

/**
 * The indicator sums of one institution as of one Shanghai day, per team (key '' = residents and
 * reports without a team), `_id` = `<day>_<institutionId>`. Written by stats.rollup from the same
 * two aggregations `indicators` runs live; `indicators` for a district or township reads these
 * (one request) instead of aggregating a million residents.
 */
export const ZStatsRollupDoc = z.object({
  _id: z.string(),
  day: z.string(),
  institutionId: z.string(),
  districtId: z.string().optional(),
  /** Team id → the raw sums (IndicatorSums of shared/indicators/combined.ts). */
  groups: z.record(z.string(), z.record(z.string(), z.number())),
  computedAt: z.date(),
});
export type StatsRollupDoc = z.infer<typeof ZStatsRollupDoc>;
