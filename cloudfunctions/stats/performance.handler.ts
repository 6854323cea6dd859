import type { OutputOf } from '@shared/api/define';
import type { teamPerformance, ZTeamPerformanceInput } from '@shared/api/stats';
import type { z } from '@shared/api/zod';
import { COLLECTIONS } from '@shared/constants/collections';
import {
  PERFORMANCE_WEIGHTS,
  type PerformanceCounts,
  type PerformanceRow,
  performancePipelines,
  performancePoints,
  performanceRows,
  sumPerformance,
  ZERO_COUNTS,
} from '@shared/indicators/performance';
import { type Day, dayEnd, dayStart, quarterOf, shanghaiDay, type Window, yearOf } from '@shared/time';
import * as consults from '../_data/consults.repo';
import * as teams from '../_data/teams.repo';
import * as users from '../_data/users.repo';
import type { HandlerContext } from '../_lib/guard';
import { aggregate } from './support/aggregate';
import { resolveScope, type Scope } from './support/scope';

/** The period of a performance view: the quarter or the year, up to `day`. */
export const performancePeriod = (day: Day, period: 'quarter' | 'year'): Window => ({
  start: (period === 'quarter' ? quarterOf(day) : yearOf(day)).start,
  end: day,
});

/** Every performance row of some teams in a period: one aggregate per source collection, in parallel. */
export async function performanceRowsOf(
  ctx: HandlerContext,
  teamIds: readonly string[],
  period: Window,
): Promise<PerformanceRow[]> {
  if (teamIds.length === 0) return [];
  const pipelines = performancePipelines(teamIds, period);
  const sources: [string, object[]][] = [
    [COLLECTIONS.contracts, pipelines.contracts],
    [COLLECTIONS.contacts, pipelines.contacts],
    [COLLECTIONS.followups, pipelines.followups],
    [COLLECTIONS.referrals, pipelines.referrals],
    [COLLECTIONS.reports, pipelines.reports],
    [COLLECTIONS.deliveries, pipelines.deliveries],
  ];
  const results = await Promise.all(sources.map(([c, p]) => aggregate(ctx.db, c, p)));
  return results.flatMap(performanceRows);
}

/** Consultation response figures of some teams in a period: one request per 100 teams. */
async function consultFigures(ctx: HandlerContext, teamIds: readonly string[], period: Window) {
  const from = dayStart(period.start);
  const to = new Date(dayEnd(period.end).getTime() + 1);
  const out: consults.ResponseFigures[] = [];
  for (let i = 0; i < teamIds.length; i += 100)
    out.push(...(await consults.responseFigures(ctx.db, { teamIds: teamIds.slice(i, i + 100), from, to })));
  return out;
}

/** Team and member performance of a resolved scope (its teams' records in the period). */
export async function performanceOf(ctx: HandlerContext, scope: Scope, period: Window) {
  const all = await teams.ofInstitutions(ctx.db, scope.institutionIds);
  const list = scope.level === 'team' ? all.filter((t) => t._id === scope.id) : all;
  const rows = await performanceRowsOf(
    ctx,
    list.map((t) => t._id),
    period,
  );
  const staffOf = await users.staffIdsOf(
    ctx.db,
    rows.flatMap((r) => (r.user ? [r.user] : [])),
  );

  // Consultation response figures ([Consult], issue 18): already per team and per answering staff.
  const consult = await consultFigures(
    ctx,
    list.map((t) => t._id),
    period,
  );
  for (const f of consult)
    rows.push({
      team: f.teamId,
      user: f.staffId ? `staff:${f.staffId}` : null,
      counts: f.staffId ? { consultsOnTime: f.withinPromise } : {},
    });
  const byTeam = sumPerformance(rows, (r) => r.team);
  const byMember = sumPerformance(rows, (r) => {
    const staffId = r.user?.startsWith('staff:') ? r.user.slice(6) : r.user ? staffOf.get(r.user) : undefined;
    return staffId ? `${r.team}|${staffId}` : null;
  });
  const medianOf = (teamId: string, staffId?: string) =>
    consult.find((f) => f.teamId === teamId && f.staffId === staffId)?.medianMinutes ?? null;
  const row = (counts: PerformanceCounts | undefined) => {
    const c = counts ?? { ...ZERO_COUNTS };
    return { counts: c, points: performancePoints(c) };
  };
  return {
    level: scope.level,
    id: scope.id,
    name: scope.name,
    period,
    weights: { ...PERFORMANCE_WEIGHTS },
    teams: list.map((t) => ({
      teamId: t._id,
      name: t.name,
      institutionId: t.institutionId,
      ...row(byTeam.get(t._id)),
      consultMedianMinutes: medianOf(t._id),
    })),
    members: list.flatMap((t) =>
      (t.members ?? []).map((m) => ({
        staffId: m.staffId,
        name: m.name ?? m.staffId,
        teamId: t._id,
        teamName: t.name,
        ...row(byMember.get(`${t._id}|${m.staffId}`)),
        consultMedianMinutes: medianOf(t._id, m.staffId),
      })),
    ),
  };
}

/**
 * stats.teamPerformance: per team and per member of the scope, the work of the period (see
 * shared/indicators/performance.ts) and its points. Requests: the scope (2), its teams (1), six
 * aggregates (contracts, contacts, follow-ups, referrals, reports, deliveries) grouped by team and
 * staff, one read mapping the accounts that did the work to staff records, and the consultation
 * figures (one aggregate per 100 teams) — 11 after the caller's own for up to 100 teams, whatever
 * the population.
 */
export async function teamPerformanceHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZTeamPerformanceInput>;
}): Promise<OutputOf<typeof teamPerformance>> {
  const scope = await resolveScope(ctx, input);
  return performanceOf(ctx, scope, performancePeriod(input.day ?? shanghaiDay(ctx.now), input.period));
}
