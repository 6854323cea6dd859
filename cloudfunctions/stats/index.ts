import { exportIndicators, exportRoster, indicators, teamPerformance, trend } from '@shared/api/stats';
import { bind, createGuardedFunction } from '../_lib/guard';
import { exportIndicatorsHandler, exportRosterHandler } from './export.handler';
import { indicatorsHandler, trendHandler } from './indicators.handler';
import { teamPerformanceHandler } from './performance.handler';

/** The `stats` function: every action in shared/api/stats.ts, each behind the guard. */
export const main = createGuardedFunction('stats', [
  bind(indicators, indicatorsHandler),
  bind(trend, trendHandler),
  bind(teamPerformance, teamPerformanceHandler),
  bind(exportRoster, exportRosterHandler),
  bind(exportIndicators, exportIndicatorsHandler),
]);
