import type { OutputOf } from '@shared/api/define';
import type { rollup } from '@shared/api/stats';
import type { IndicatorSums } from '@shared/indicators';
import { shanghaiDay } from '@shared/time';
import * as institutions from '../_data/institutions.repo';
import * as rollups from '../_data/statsRollups.repo';
import type { Database } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { liveSums } from './indicators.handler';
import type { Scope } from './support/scope';

/** Wall-clock budget of one call: an institution started just before it still ends under the 60 s time-out. */
const BUDGET_MS = 30_000;

/** Computes and stores one institution's sums (per team) as of a day: two aggregates and one write. */
async function computeOne(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  institutionId: string,
  districtId: string,
  day: string,
) {
  const scope: Scope = {
    level: 'institution',
    id: institutionId,
    name: '',
    target: { institutionId, districtId },
    match: { institutionId },
    institutionIds: [institutionId],
    institutionNames: new Map(),
    childKey: 'teamId',
    children: [],
  };
  const sums = await liveSums(ctx, scope, day);
  const groups: Record<string, IndicatorSums> = {};
  for (const [k, v] of sums) groups[k === '' ? rollups.NO_TEAM : k] = v;
  await rollups.put(ctx.db, {
    _id: rollups.rollupId(day, institutionId),
    day,
    institutionId,
    districtId,
    groups,
    computedAt: ctx.now,
  });
}

/**
 * stats.rollup: stores each institution's indicator sums as of a day (default today), so that
 * `indicators` for a district or township is one read instead of an aggregation over every
 * resident. One institution when named (recomputed); otherwise the district's institutions that
 * have no sums for the day yet, one by one, until ~40 s have passed — call again while `remaining`
 * is above 0 (a nightly job does). Cost per institution: two aggregates over its own residents and
 * reports, one write.
 */
export async function rollupHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { day?: string | undefined; institutionId?: string | undefined };
}): Promise<OutputOf<typeof rollup>> {
  const started = Date.now();
  const day = input.day ?? shanghaiDay(ctx.now);
  if (input.institutionId) {
    const inst = await institutions.findById(ctx.db, input.institutionId, ['districtId']);
    if (!inst) refuse('NOT_FOUND');
    ctx.authorize({ districtId: inst.districtId });
    await computeOne(ctx, input.institutionId, inst.districtId, day);
    return { day, computed: [input.institutionId], remaining: 0 };
  }
  const districtId = ctx.caller.districtId ?? refuse('REGION_NOT_FOUND');
  ctx.authorize({ districtId });
  const insts = (await institutions.inRegion(ctx.db, { districtId })).map((i) => ({
    _id: i._id,
    districtId,
  }));
  return { day, ...(await rollupMissing(ctx, insts, day, started)) };
}

/**
 * Stores the sums of each of `insts` that has none for `day` yet, one by one, until the budget
 * since `started` is spent (at least one per call, so every call makes progress).
 */
async function rollupMissing(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  insts: readonly { _id: string; districtId: string }[],
  day: string,
  started: number,
  budgetMs = BUDGET_MS,
): Promise<{ computed: string[]; remaining: number }> {
  const ids = insts.map((i) => i._id);
  const have = new Set((await rollups.ofDay(ctx.db, day, ids)).map((r) => r.institutionId));
  const todo = insts.filter((i) => !have.has(i._id));
  const computed: string[] = [];
  for (const i of todo) {
    if (computed.length > 0 && Date.now() - started > budgetMs) break;
    await computeOne(ctx, i._id, i.districtId, day);
    computed.push(i._id);
  }
  return { computed, remaining: todo.length - computed.length };
}

/**
 * The nightly timer (config.json `rollup`, every 10 minutes from 03:00 to 05:50 Shanghai): stores
 * today's sums of every institution that has none yet, within the run's budget; later runs of the
 * night continue, and once all are stored a run costs two reads. Dashboards then read a district
 * or township in one request whatever its size.
 */
export async function rollupTonight(
  db: Database,
  now: Date,
  budgetMs = BUDGET_MS,
): Promise<{ day: string; computed: number; remaining: number }> {
  const day = shanghaiDay(now);
  const r = await rollupMissing({ db, now }, await institutions.all(db), day, Date.now(), budgetMs);
  return { day, computed: r.computed.length, remaining: r.remaining };
}
