import { indicators } from '@shared/api/stats';
import { bind, createGuardedFunction } from '../_lib/guard';
import { indicatorsHandler } from './indicators.handler';

/** The `stats` function: every action in shared/api/stats.ts, each behind the guard. */
export const main = createGuardedFunction('stats', [bind(indicators, indicatorsHandler)]);
