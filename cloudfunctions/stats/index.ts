import {
  exportIndicators,
  exportRoster,
  indicators,
  rollup,
  teamPerformance,
  trend,
} from '@shared/api/stats';
import { bind, createGuardedFunction } from '../_lib/guard';
import { exportIndicatorsHandler, exportRosterHandler } from './export.handler';
import { indicatorsHandler, trendHandler } from './indicators.handler';
import { teamPerformanceHandler } from './performance.handler';
import { rollupHandler } from './rollup.handler';

/** The `stats` function: every action in shared/api/stats.ts, each behind the guard. */
export const main = createGuardedFunction('stats', [
  bind(indicators, indicatorsHandler),
  bind(trend, trendHandler),
  bind(teamPerformance, teamPerformanceHandler),
  bind(exportRoster, exportRosterHandler),
  bind(exportIndicators, exportIndicatorsHandler),
  bind(rollup, rollupHandler),
]);
