import { APPOINTMENT_ACTIONS } from './appointment';
import { CARE_ACTIONS } from './care';
import { CONSULT_ACTIONS } from './consult';
import { CONTRACT_ACTIONS } from './contract';
import type { ActionDef, FunctionName } from './define';
import { EDUCATION_ACTIONS } from './education';
import { GRID_ACTIONS } from './grid';
import { SCHEDULER_ACTIONS } from './scheduler';
import { STATS_ACTIONS } from './stats';
import { USER_ACTIONS } from './user';

/**
 * Every action of every function, for the entry router ("unknown action" → UNKNOWN_ACTION) and
 * for the permission-matrix test, which iterates action × role. Later domains append here.
 */
export const ACTIONS: readonly ActionDef[] = [
  ...USER_ACTIONS,
  ...CONTRACT_ACTIONS,
  ...APPOINTMENT_ACTIONS,
  ...EDUCATION_ACTIONS,
  ...CARE_ACTIONS,
  ...SCHEDULER_ACTIONS,
  ...GRID_ACTIONS,
  ...STATS_ACTIONS,
  ...CONSULT_ACTIONS,
];

/** Looks up an action by function and name; undefined means UNKNOWN_ACTION. */
export const findAction = (fn: FunctionName, action: string): ActionDef | undefined =>
  ACTIONS.find((a) => a.fn === fn && a.action === action);

/** The actions of one function, e.g. for its router table. */
export const actionsOf = (fn: FunctionName): ActionDef[] => ACTIONS.filter((a) => a.fn === fn);
