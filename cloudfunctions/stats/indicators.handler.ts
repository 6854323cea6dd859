import type { Target } from '@shared/api/authorize';
import type { OutputOf } from '@shared/api/define';
import type { indicators, StatsLevel, ZIndicatorsInput } from '@shared/api/stats';
import type { z } from '@shared/api/zod';
import { COLLECTIONS } from '@shared/constants/collections';
import {
  addSums,
  DEFAULT_TARGETS,
  indicatorsFromSums,
  reportIndicatorsPipeline,
  residentIndicatorsPipeline,
  sumsByKey,
} from '@shared/indicators';
import { shanghaiDay } from '@shared/time';
import * as institutions from '../_data/institutions.repo';
import * as regions from '../_data/regions.repo';
import * as teams from '../_data/teams.repo';
import type { Database } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';

type Scope = {
  name: string;
  target: Target;
  /** Which residents / reports the figures cover. */
  residentMatch: Record<string, unknown>;
  reportMatch: Record<string, unknown>;
  /** Drill-down: the field grouped on and the children it names. */
  childLevel: StatsLevel | null;
  childKey: string | null;
  children: { id: string; name: string }[];
};

/** Runs a pipeline (one request) through the SDK's stage builder, one method per stage. */
async function aggregate(
  db: Database,
  collection: string,
  pipeline: object[],
): Promise<Record<string, unknown>[]> {
  type Builder = Record<string, (v: unknown) => Builder> & {
    end(): Promise<{ data?: unknown[]; list?: unknown[] }>;
  };
  let agg = db.collection(collection).aggregate() as unknown as Builder;
  for (const stage of pipeline) {
    const [key, value] = Object.entries(stage)[0] as [string, unknown];
    const method = agg[key.slice(1)];
    if (typeof method !== 'function') throw new Error(`unsupported stage ${key}`);
    agg = method.call(agg, value);
  }
  const res = await agg.end();
  return (res.data ?? res.list ?? []) as Record<string, unknown>[];
}

// Resolves the asked scope from STORED records (regions, institutions, teams): the authorisation
// target is what the database says, never the ids the caller sent. 1–2 requests.
async function resolveScope(ctx: HandlerContext, input: z.output<typeof ZIndicatorsInput>): Promise<Scope> {
  const { db, caller } = ctx;
  if (input.level === 'district' || input.level === 'township') {
    const id =
      input.id ?? (input.level === 'district' ? caller.districtId : undefined) ?? refuse('REGION_NOT_FOUND');
    const region = await regions.findById(db, id, ['level', 'name', 'path']);
    if (!region || region.level !== input.level) refuse('REGION_NOT_FOUND');
    const districtId = input.level === 'district' ? id : (region.path[0] ?? refuse('REGION_NOT_FOUND'));
    const target = { districtId };
    ctx.authorize(target);
    const insts = await institutions.inRegion(
      db,
      input.level === 'district' ? { districtId: id } : { townshipId: id },
    );
    const ids = insts.map((i) => i._id);
    return {
      name: region.name,
      target,
      residentMatch: { institutionId: { $in: ids } },
      reportMatch: { institutionId: { $in: ids } },
      childLevel: 'institution',
      childKey: 'institutionId',
      children: insts.map((i) => ({ id: i._id, name: i.name })),
    };
  }
  if (input.level === 'institution') {
    const id = input.id ?? caller.institutionId ?? refuse('NOT_FOUND');
    const inst = await institutions.findById(db, id, ['name', 'districtId']);
    if (!inst) refuse('NOT_FOUND');
    const target = { institutionId: id, districtId: inst.districtId };
    ctx.authorize(target);
    const list = await teams.ofInstitution(db, id);
    return {
      name: inst.name,
      target,
      residentMatch: { institutionId: id },
      reportMatch: { institutionId: id },
      childLevel: 'team',
      childKey: 'teamId',
      children: list.map((t) => ({ id: t._id, name: t.name })),
    };
  }
  const id = input.id ?? refuse('TEAM_NOT_FOUND');
  const team = await teams.findById(db, id, ['name', 'institutionId']);
  if (!team) refuse('TEAM_NOT_FOUND');
  const inst = await institutions.findById(db, team.institutionId, ['districtId']);
  const target = { institutionId: team.institutionId, ...(inst ? { districtId: inst.districtId } : {}) };
  ctx.authorize(target);
  return {
    name: team.name,
    target,
    residentMatch: { teamId: id },
    reportMatch: { teamId: id },
    childLevel: null,
    childKey: null,
    children: [],
  };
}

/**
 * stats.indicators: every indicator of shared/indicators for a scope as of a day, with the next
 * level down. Costs 1–2 reads to resolve the scope, one aggregate on residents and one on reports
 * (≤ 4 requests after the caller's own, whatever the district's size).
 */
export async function indicatorsHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZIndicatorsInput>;
}): Promise<OutputOf<typeof indicators>> {
  const day = input.day ?? shanghaiDay(ctx.now);
  const scope = await resolveScope(ctx, input);
  const targets = DEFAULT_TARGETS;
  const [residentRows, reportRows] = await Promise.all([
    aggregate(
      ctx.db,
      COLLECTIONS.residents,
      residentIndicatorsPipeline(scope.residentMatch, scope.childKey, day),
    ),
    aggregate(
      ctx.db,
      COLLECTIONS.reports,
      reportIndicatorsPipeline(scope.reportMatch, scope.childKey, day, targets.gridResponseHours),
    ),
  ]);
  const sums = sumsByKey(residentRows, reportRows);
  const total = addSums(sums.values());
  const childLevel = scope.childLevel;
  return {
    level: input.level,
    id:
      input.id ??
      (input.level === 'district' ? (ctx.caller.districtId ?? '') : (ctx.caller.institutionId ?? '')),
    name: scope.name,
    day,
    indicators: indicatorsFromSums(total, targets),
    children:
      childLevel === null
        ? []
        : scope.children.map((c) => ({
            level: childLevel,
            id: c.id,
            name: c.name,
            indicators: indicatorsFromSums(addSums(sums.has(c.id) ? [sums.get(c.id) as never] : []), targets),
          })),
  };
}
