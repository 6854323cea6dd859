import type { OutputOf } from '@shared/api/define';
import type { indicators, trend, ZIndicatorsInput, ZTrendInput } from '@shared/api/stats';
import type { z } from '@shared/api/zod';
import { COLLECTIONS } from '@shared/constants/collections';
import {
  addSums,
  DEFAULT_TARGETS,
  type IndicatorSums,
  indicatorsFromSums,
  reportIndicatorsPipeline,
  reportIndicatorsPipelineDays,
  residentIndicatorsPipeline,
  residentIndicatorsPipelineDays,
  sumsByKey,
  sumsOfDay,
} from '@shared/indicators';
import { addDays, type Day, monthOf, quarterOf, shanghaiDay } from '@shared/time';
import * as rollups from '../_data/statsRollups.repo';
import type { HandlerContext } from '../_lib/guard';
import { aggregate } from './support/aggregate';
import { resolveScope, type Scope } from './support/scope';

/** The raw sums of a scope grouped by its child key, aggregated now: two requests. */
export async function liveSums(
  ctx: Pick<HandlerContext, 'db'>,
  scope: Scope,
  day: Day,
): Promise<Map<string, IndicatorSums>> {
  const [residentRows, reportRows] = await Promise.all([
    aggregate(ctx.db, COLLECTIONS.residents, residentIndicatorsPipeline(scope.match, scope.childKey, day)),
    aggregate(
      ctx.db,
      COLLECTIONS.reports,
      reportIndicatorsPipeline(scope.match, scope.childKey, day, DEFAULT_TARGETS.gridResponseHours),
    ),
  ]);
  return sumsByKey(residentRows, reportRows);
}

/**
 * The same sums from stats.rollup's stored per-institution sums (one request), or null when some
 * institution of the scope has none for the day (then the caller aggregates live).
 */
async function rollupSums(
  ctx: HandlerContext,
  scope: Scope,
  day: Day,
): Promise<{ sums: Map<string, IndicatorSums>; computedAt: Date } | null> {
  if (scope.level === 'team' || scope.institutionIds.length === 0) return null;
  const docs = await rollups.ofDay(ctx.db, day, scope.institutionIds);
  if (docs.length !== new Set(scope.institutionIds).size) return null;
  const sums = new Map<string, IndicatorSums>();
  let computedAt = new Date(8.64e15);
  for (const d of docs) {
    const groups = Object.entries(d.groups) as [string, IndicatorSums][];
    if (scope.childKey === 'institutionId') sums.set(d.institutionId, addSums(groups.map(([, g]) => g)));
    else for (const [team, g] of groups) sums.set(team === rollups.NO_TEAM ? '' : team, addSums([g]));
    const at = new Date(d.computedAt);
    if (at < computedAt) computedAt = at;
  }
  return { sums, computedAt };
}

/**
 * The indicators of a resolved scope and its children as of a day: the stored rollup when every
 * institution of the scope has one (one request), else two aggregate requests.
 */
export async function indicatorsOf(ctx: HandlerContext, scope: Scope, day: Day, live = false) {
  const targets = DEFAULT_TARGETS;
  const stored = live ? null : await rollupSums(ctx, scope, day);
  const sums = stored?.sums ?? (await liveSums(ctx, scope, day));
  const of = (keys: readonly string[]) =>
    addSums(keys.flatMap((k) => (sums.has(k) ? [sums.get(k) as IndicatorSums] : [])));
  return {
    level: scope.level,
    id: scope.id,
    name: scope.name,
    day,
    source: stored ? ('rollup' as const) : ('live' as const),
    ...(stored ? { computedAt: stored.computedAt.toISOString() } : {}),
    indicators: indicatorsFromSums(addSums(sums.values()), targets),
    children: scope.children.map((c) => ({
      level: c.level,
      id: c.id,
      name: c.name,
      indicators: indicatorsFromSums(of(c.keys), targets),
    })),
  };
}

/**
 * stats.indicators: every indicator of shared/indicators for a scope as of a day, with the next
 * level down (district → townships → institutions → teams). Costs 2 reads to resolve the scope,
 * then either the stored rollups of the day (1 request) or one aggregate on residents and one on
 * reports: 3–4 requests after the caller's own, whatever the district's size.
 */
export async function indicatorsHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZIndicatorsInput>;
}): Promise<OutputOf<typeof indicators>> {
  const day = input.day ?? shanghaiDay(ctx.now);
  return indicatorsOf(ctx, await resolveScope(ctx, input), day, input.live === true);
}

/** The as-of days of a trend ending on `day`: 12 month ends or 4 quarter ends, the last cut at `day`. */
export const trendDays = (day: Day, by: 'month' | 'quarter'): { label: string; day: Day }[] => {
  const out: { label: string; day: Day }[] = [];
  let cursor = day;
  for (let i = 0; i < (by === 'month' ? 12 : 4); i++) {
    const w = by === 'month' ? monthOf(cursor) : quarterOf(cursor);
    const label = by === 'month' ? cursor.slice(0, 7) : (w as ReturnType<typeof quarterOf>).key;
    out.unshift({ label, day: w.end < day ? w.end : day });
    cursor = addDays(w.start, -1);
  }
  return out;
};

/**
 * stats.trend: each indicator as of every month end over the last year (or quarter end), for the
 * scope as a whole. All days ride in ONE aggregate on residents and ONE on reports (per-day fields),
 * so the cost is the scope's 2 reads + 2 requests, like `indicators`.
 */
export async function trendHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZTrendInput>;
}): Promise<OutputOf<typeof trend>> {
  const scope = await resolveScope(ctx, input);
  const points = trendDays(input.day ?? shanghaiDay(ctx.now), input.by);
  const days = points.map((p) => p.day);
  const targets = DEFAULT_TARGETS;
  // Points whose day every institution of the scope has stored sums for come from the rollups (one
  // request); only the other days are aggregated live (month ends stay stored, so usually just today).
  const perDay: (IndicatorSums | undefined)[] = days.map(() => undefined);
  const instCount = new Set(scope.institutionIds).size;
  if (scope.level !== 'team' && instCount > 0 && instCount * days.length <= 1000) {
    const docs = await rollups.ofDays(ctx.db, days, scope.institutionIds);
    days.forEach((d, i) => {
      const mine = docs.filter((x) => x.day === d);
      if (mine.length === instCount)
        perDay[i] = addSums(mine.flatMap((x) => Object.values(x.groups) as IndicatorSums[]));
    });
  }
  const missing = days.filter((_, i) => perDay[i] === undefined);
  if (missing.length > 0) {
    const [residentRows, reportRows] = await Promise.all([
      aggregate(ctx.db, COLLECTIONS.residents, residentIndicatorsPipelineDays(scope.match, null, missing)),
      aggregate(
        ctx.db,
        COLLECTIONS.reports,
        reportIndicatorsPipelineDays(scope.match, missing, targets.gridResponseHours),
      ),
    ]);
    let m = 0;
    days.forEach((_, i) => {
      if (perDay[i] === undefined) {
        perDay[i] = sumsOfDay(residentRows[0], reportRows[0], m, missing.length);
        m++;
      }
    });
  }
  const sums = perDay;
  return {
    level: scope.level,
    id: scope.id,
    name: scope.name,
    by: input.by,
    points: points.map((p, i) => ({
      label: p.label,
      day: p.day,
      indicators: indicatorsFromSums(sums[i] as IndicatorSums, targets),
    })),
  };
}
