import { INDICATOR_IDS } from '../indicators/common';
import { PERFORMANCE_METRICS, type PerformanceMetric } from '../indicators/performance';
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
  /** Aggregate now even when stats.rollup has stored the day's sums (default: use them). */
  live: z.boolean().optional(),
});

export const ZIndicatorsView = z.object({
  level: z.enum(STATS_LEVELS),
  id: z.string(),
  name: z.string(),
  day: zDay,
  /** 'rollup' when read from the sums stats.rollup stored (computed at `computedAt`), else 'live'. */
  source: z.enum(['live', 'rollup']).optional(),
  computedAt: z.string().optional(),
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

// --- trend, team performance, exports ---

export const ZTrendInput = z.object({
  level: z.enum(STATS_LEVELS).default('district'),
  id: zId.optional(),
  /** Month ends over the last 12 months, or quarter ends over the last 4 quarters. */
  by: z.enum(['month', 'quarter']).default('month'),
  /** The last point's day (default today); earlier points are the period ends before it. */
  day: zDay.optional(),
});

export const ZTrendView = z.object({
  level: z.enum(STATS_LEVELS),
  id: z.string(),
  name: z.string(),
  by: z.enum(['month', 'quarter']),
  points: z.array(z.object({ label: z.string(), day: zDay, indicators: z.array(ZIndicatorView) })),
});
export type TrendView = z.infer<typeof ZTrendView>;

export const trend = defineAction({
  fn: 'stats',
  action: 'trend',
  summary: 'Each indicator as of every month end (12) or quarter end (4) up to a day, in two aggregations',
  input: ZTrendInput,
  output: ZTrendView,
  errors: ['TEAM_NOT_FOUND', 'REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district', institution_admin: 'institution' },
});

const ZCounts = z.object(
  Object.fromEntries(PERFORMANCE_METRICS.map((m) => [m, z.number()])) as {
    [K in PerformanceMetric]: z.ZodNumber;
  },
);

export const ZTeamPerformanceInput = z.object({
  level: z.enum(STATS_LEVELS).default('district'),
  id: zId.optional(),
  /** The quarter so far (default) or the year so far, as of `day`. */
  period: z.enum(['quarter', 'year']).default('quarter'),
  day: zDay.optional(),
});

export const ZTeamPerformanceView = z.object({
  level: z.enum(STATS_LEVELS),
  id: z.string(),
  name: z.string(),
  period: z.object({ start: zDay, end: zDay }),
  /** Points per unit of each metric (configuration, shared/indicators/performance.ts). */
  weights: ZCounts,
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      institutionId: z.string(),
      counts: ZCounts,
      points: z.number(),
      /** Median minutes to the first answer of an online consultation (not scored), null if none. */
      consultMedianMinutes: z.number().nullable().optional(),
    }),
  ),
  members: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      counts: ZCounts,
      points: z.number(),
      consultMedianMinutes: z.number().nullable().optional(),
    }),
  ),
});
export type TeamPerformanceView = z.infer<typeof ZTeamPerformanceView>;

export const teamPerformance = defineAction({
  fn: 'stats',
  action: 'teamPerformance',
  summary: 'Work done per team and per member in a period with a points score from configured weights',
  input: ZTeamPerformanceInput,
  output: ZTeamPerformanceView,
  errors: ['TEAM_NOT_FOUND', 'REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district', institution_admin: 'institution' },
});

export const ZExportView = z.object({
  fileId: z.string(),
  /** A temporary URL (one hour) to download the .xlsx file. */
  downloadUrl: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
});
export type ExportView = z.infer<typeof ZExportView>;

export const exportRoster = defineAction({
  fn: 'stats',
  action: 'exportRoster',
  summary: 'The team ↔ grid member roster (成员明细表) of a scope as an .xlsx file (audited)',
  input: z.object({ level: z.enum(STATS_LEVELS).default('district'), id: zId.optional() }),
  output: ZExportView,
  errors: ['TEAM_NOT_FOUND', 'REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district', institution_admin: 'institution' },
});

export const exportIndicators = defineAction({
  fn: 'stats',
  action: 'exportIndicators',
  summary: 'The indicators of a scope and its children (and team performance) as an .xlsx file (audited)',
  input: ZIndicatorsInput,
  output: ZExportView,
  errors: ['TEAM_NOT_FOUND', 'REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district', institution_admin: 'institution' },
});

export const ZRollupView = z.object({
  day: zDay,
  /** Institutions whose sums were (re)computed by this call. */
  computed: z.array(z.string()),
  /** Institutions of the district still without sums for the day (call again). */
  remaining: z.number().int(),
});

export const rollup = defineAction({
  fn: 'stats',
  action: 'rollup',
  summary:
    "Stores each institution's indicator sums as of a day (nightly, or on demand), so district figures are one read",
  input: z.object({
    day: zDay.optional(),
    /** One institution (recomputed even if present); default: the district's missing ones, as time allows. */
    institutionId: zId.optional(),
  }),
  output: ZRollupView,
  errors: ['REGION_NOT_FOUND', 'NOT_FOUND'],
  access: { district_admin: 'district' },
});

export const STATS_ACTIONS = [indicators, trend, teamPerformance, exportRoster, exportIndicators, rollup];
