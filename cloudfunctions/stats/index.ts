import {
  exportIndicators,
  exportRoster,
  indicators,
  rollup,
  teamPerformance,
  trend,
} from '@shared/api/stats';
import { now as clockNow } from '../_lib/clock';
import { currentDatabase } from '../_lib/db';
import { bind, createGuardedFunction } from '../_lib/guard';
import { identityFrom } from '../_lib/runtime';
import { exportIndicatorsHandler, exportRosterHandler } from './export.handler';
import { indicatorsHandler, trendHandler } from './indicators.handler';
import { teamPerformanceHandler } from './performance.handler';
import { rollupHandler, rollupTonight } from './rollup.handler';

const guarded = createGuardedFunction('stats', [
  bind(indicators, indicatorsHandler),
  bind(trend, trendHandler),
  bind(teamPerformance, teamPerformanceHandler),
  bind(exportRoster, exportRosterHandler),
  bind(exportIndicators, exportIndicatorsHandler),
  bind(rollup, rollupHandler),
]);

/**
 * The `stats` function: every action in shared/api/stats.ts behind the guard, and the nightly
 * rollup timer — honoured only without a caller identity (the platform's timer has none; a
 * user's call always has one).
 */
export async function main(event: unknown, context: unknown): Promise<unknown> {
  const e = event as { Type?: string } | null;
  if (e?.Type === 'Timer' && !identityFrom(context).openid) {
    const r = await rollupTonight(currentDatabase(), clockNow());
    // Counts only.
    console.log(`[stats] rollup ${JSON.stringify(r)}`);
    return { ok: true, data: r };
  }
  return guarded(event, context);
}
