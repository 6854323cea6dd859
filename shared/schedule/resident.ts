import type { TContract } from '../contract/model';
import { isLiveOn } from '../contract/status';
import { DEFAULT_POPULATION_CONFIG, type TPopulationConfig } from '../population/config';
import { keyPopulationsAt, type TPopulationFacts } from '../population/keyPopulations';
import { shanghaiDay } from '../time';
import { DEFAULT_SCHEDULE_CONFIG, type TScheduleConfig } from './config';
import { type ResidentTaskContext, runTasks, type WorkItem } from './engine';
import type { ResidentRecords } from './records';
import { CYCLE_TASKS } from './tasks/cycles';
import { EVENT_TASKS } from './tasks/events';

/** Every resident task definition, cycles then event-anchored. */
export const RESIDENT_TASKS = [...CYCLE_TASKS, ...EVENT_TASKS];

/** Builds the task context at `now`: Shanghai day, tags at that day, the live contract's term. */
export const residentContext = (p: {
  resident: TPopulationFacts;
  contracts: readonly TContract[];
  records: ResidentRecords;
  now: Date;
  population?: TPopulationConfig;
  cfg?: TScheduleConfig;
}): ResidentTaskContext => {
  const today = shanghaiDay(p.now);
  const live = p.contracts.find((c) => c.residentId === p.resident._id && isLiveOn(c, today));
  return {
    today,
    resident: p.resident,
    tags: [
      ...new Set([
        ...keyPopulationsAt(p.resident, today, p.population ?? DEFAULT_POPULATION_CONFIG),
        ...p.resident.tags,
      ]),
    ],
    contract:
      live?.startDate !== undefined && live.endDate !== undefined
        ? { start: live.startDate, end: live.endDate }
        : null,
    records: p.records,
    cfg: p.cfg ?? DEFAULT_SCHEDULE_CONFIG,
  };
};

/** All work items for one resident at `now` (due, soon, overdue, upcoming and done). */
export const residentWorkItems = (p: Parameters<typeof residentContext>[0]): WorkItem[] =>
  runTasks(RESIDENT_TASKS, residentContext(p));
