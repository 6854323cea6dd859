// Types only from @shared/api: the dashboard lives in the admin sub-package, but services stay zod-free.
import type { InputOf, OutputOf } from '@shared/api/define';
import type { exportIndicators, exportRoster, indicators, teamPerformance, trend } from '@shared/api/stats';
import { invoke } from './api';

/** Indicators against targets for a district / township / institution / team, with its children. */
export const getIndicators = (input: Partial<InputOf<typeof indicators>> = {}) =>
  invoke<OutputOf<typeof indicators>>('stats', 'indicators', input);

/** Each indicator at every month end (12) or quarter end (4) up to today. */
export const getTrend = (input: Partial<InputOf<typeof trend>> = {}) =>
  invoke<OutputOf<typeof trend>>('stats', 'trend', input);

/** Work per team and member in the quarter or year so far, with points. */
export const getTeamPerformance = (input: Partial<InputOf<typeof teamPerformance>> = {}) =>
  invoke<OutputOf<typeof teamPerformance>>('stats', 'teamPerformance', input);

/** The roster (成员明细表) of a scope as an .xlsx file: a one-hour download URL. */
export const exportRosterFile = (input: Partial<InputOf<typeof exportRoster>> = {}) =>
  invoke<OutputOf<typeof exportRoster>>('stats', 'exportRoster', input);

/** The indicators (and performance) of a scope as an .xlsx file. */
export const exportIndicatorsFile = (input: Partial<InputOf<typeof exportIndicators>> = {}) =>
  invoke<OutputOf<typeof exportIndicators>>('stats', 'exportIndicators', input);
