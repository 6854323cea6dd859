import type { TPopulationFacts } from '../population/keyPopulations';
import { addDays, type Day, intersect, type Window } from '../time';
import type { TScheduleConfig } from './config';
import { type WorkState, workState } from './predicates';
import type { ResidentRecords } from './records';

/**
 * Schedules as data (Community Health Toolkit tasks.js): a task has a dotted id, the POLICY row it
 * enforces, `appliesIf`, the windows (`events`) it opens and `resolvedIf`. The engine only
 * classifies windows; what is due is decided by the definitions in ./tasks/.
 */
export type TaskEvent = { key: string; window: Window; ref?: string };
export type TaskDefinition<C> = {
  id: string;
  policy: string;
  appliesIf: (ctx: C) => boolean;
  events: (ctx: C) => TaskEvent[];
  resolvedIf: (ctx: C, ev: TaskEvent) => boolean;
};

/** One line on a worklist. `key` is stable across runs, so reminders dedupe on it. */
export type WorkItem = { taskId: string; key: string; window: Window; state: WorkState; ref?: string };

/** The context of a resident-level task on a day. `contract` is the live term, if any. */
export type ResidentTaskContext = {
  today: Day;
  resident: TPopulationFacts;
  tags: readonly string[];
  contract: Window | null;
  records: ResidentRecords;
  cfg: TScheduleConfig;
};

/** Runs task definitions against a context and classifies every window on `ctx.today`. */
export const runTasks = <C extends { today: Day; cfg: TScheduleConfig }>(
  defs: readonly TaskDefinition<C>[],
  ctx: C,
): WorkItem[] =>
  defs
    .filter((d) => d.appliesIf(ctx))
    .flatMap((d) =>
      d.events(ctx).map((ev) => ({
        taskId: d.id,
        key: `${d.id}:${ev.key}`,
        window: ev.window,
        state: workState(ev.window, ctx.today, d.resolvedIf(ctx, ev), ctx.cfg.soonDays),
        ...(ev.ref !== undefined ? { ref: ev.ref } : {}),
      })),
    );

/** What a doctor works today: overdue first, then due, then soon. */
export const worklist = (items: readonly WorkItem[]): WorkItem[] => {
  const rank = { overdue: 0, due: 1, soon: 2 } as const;
  return items
    .filter((i): i is WorkItem & { state: keyof typeof rank } => i.state in rank)
    .sort((a, b) => rank[a.state] - rank[b.state] || a.window.end.localeCompare(b.window.end));
};

/**
 * Windows of a calendar cycle (quarter, year, month) for the current and the previous period,
 * each cut to the contract term. Signed 2026-02-10, today 2026-04-03 → 2026-Q1 from 02-10 to
 * 03-31 (overdue unless resolved) and 2026-Q2 from 04-01 to 06-30 (due).
 */
export const cycleEvents = (
  periodOf: (day: Day) => Window & { key: string },
  today: Day,
  term: Window | null,
  subject: string,
): TaskEvent[] => {
  if (term === null) return [];
  const current = periodOf(today);
  const previous = periodOf(addDays(current.start, -1));
  return [previous, current].flatMap((p) => {
    const w = intersect(p, term);
    return w !== null && w.start <= today ? [{ key: `${subject}:${p.key}`, window: w }] : [];
  });
};

/** True when some dated record falls inside the window. */
export const anyIn = (records: readonly { day: Day }[], w: Window): boolean =>
  records.some((r) => r.day >= w.start && r.day <= w.end);
