import { type Day, halfYearOf, monthOf, type Window, weekOf } from '../../time';
import type { TScheduleConfig } from '../config';
import { anyIn, cycleEvents, type TaskDefinition } from '../engine';

/**
 * Tasks owed by a team, grid or district rather than for one resident (source 003): outreach
 * workdays each month, a weekly live stream of at least 30 minutes, a half-yearly supervision.
 */
export type UnitTaskContext = {
  today: Day;
  unitId: string;
  active: Window; // since when the unit has existed
  outreachDays: readonly { day: Day }[];
  liveSessions: readonly { day: Day; durationMinutes: number }[];
  supervisions: readonly { day: Day }[];
  cfg: TScheduleConfig;
};
type Def = TaskDefinition<UnitTaskContext>;

/** POLICY 003: 1–2 fixed family-doctor workdays (outreach) in villages/grids each month. */
export const outreachMonthly: Def = {
  id: 'team.outreach.monthly',
  policy: 'POLICY 003 family doctor workday',
  appliesIf: (ctx) => ctx.cfg.outreachMinPerMonth > 0,
  events: (ctx) => cycleEvents(monthOf, ctx.today, ctx.active, ctx.unitId),
  resolvedIf: (ctx, ev) =>
    ctx.outreachDays.filter((d) => d.day >= ev.window.start && d.day <= ev.window.end).length >=
    ctx.cfg.outreachMinPerMonth,
};

/** POLICY 003: district hospitals stream weekly, each session at least 30 minutes. */
export const liveStreamWeekly: Def = {
  id: 'district.live_stream.weekly',
  policy: 'POLICY 003 weekly live stream',
  appliesIf: () => true,
  events: (ctx) => cycleEvents(weekOf, ctx.today, ctx.active, ctx.unitId),
  resolvedIf: (ctx, ev) =>
    anyIn(
      ctx.liveSessions.filter((s) => s.durationMinutes >= ctx.cfg.liveStreamMinMinutes),
      ev.window,
    ),
};

/** POLICY 003: grid sentinel staffing and work reviewed every half year. */
export const supervisionHalfYearly: Def = {
  id: 'grid.supervision.half_year',
  policy: 'POLICY 003 supervision',
  appliesIf: () => true,
  events: (ctx) => cycleEvents(halfYearOf, ctx.today, ctx.active, ctx.unitId),
  resolvedIf: (ctx, ev) => anyIn(ctx.supervisions, ev.window),
};

/** All unit-level tasks. */
export const UNIT_TASKS: readonly Def[] = [outreachMonthly, liveStreamWeekly, supervisionHalfYearly];
