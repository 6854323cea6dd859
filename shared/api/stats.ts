import { INDICATOR_IDS } from '../indicators/common';
import { defineAction } from './define';
import { zDay, zId } from './fields';
import { z } from './zod';

/** Drill-down levels of the dashboard: district → township → institution → team. */
export const STATS_LEVELS = ['district', 'township', 'institution', 'team'] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];

export const ZIndicatorView = z.object({
  id: z.enum(INDICATOR_IDS),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
  target: z.number(),
  met: z.boolean(),
});
export type IndicatorView = z.infer<typeof ZIndicatorView>;

export const ZIndicatorsInput = z.object({
  level: z.enum(STATS_LEVELS).default('district'),
  /** Region id (district/township), institution id or team id; district defaults to the caller's. */
  id: zId.optional(),
  /** As of this Shanghai day (default today). */
  day: zDay.optional(),
});

export const ZIndicatorsView = z.object({
  level: z.enum(STATS_LEVELS),
  id: z.string(),
  name: z.string(),
  day: zDay,
  indicators: z.array(ZIndicatorView),
  /** The next level down (institutions of a district or township, teams of an institution), with figures. */
  children: z.array(
    z.object({
      level: z.enum(STATS_LEVELS),
      id: z.string(),
      name: z.string(),
      indicators: z.array(ZIndicatorView),
    }),
  ),
});
export type IndicatorsView = z.infer<typeof ZIndicatorsView>;

export const indicators = defineAction({
  fn: 'stats',
  action: 'indicators',
  summary:
    'Indicators against policy targets for a district, township, institution or team, with its children',
  input: ZIndicatorsInput,
  output: ZIndicatorsView,
  errors: ['TEAM_NOT_FOUND', 'REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district', institution_admin: 'institution' },
});

export const STATS_ACTIONS = [indicators];
