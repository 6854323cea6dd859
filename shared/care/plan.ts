import type { CareTaskDoc } from '../db/schemas/careTasks';
import { DEFAULT_SCHEDULE_CONFIG, type TScheduleConfig } from '../schedule/config';
import { type ResidentTaskContext, runTasks } from '../schedule/engine';
import type { WorkState } from '../schedule/predicates';
import { EMPTY_RECORDS } from '../schedule/records';
import { CYCLE_TASKS } from '../schedule/tasks/cycles';
import { addDays, type Day, diffDays, intersect, quarterOf, type Window, yearOf } from '../time';

/**
 * The care state as chains of task windows: the pure rules of shared/schedule decide which tasks
 * apply and their first windows; a record that resolves a task rolls its window to the next
 * period (or closes it). Functions store the result (careTasks) so a worklist is an indexed page.
 */

/** Chains that repeat per calendar period, with their period. */
export const CYCLE_PERIOD: Record<string, 'quarter' | 'year'> = {
  'contact.quarterly': 'quarter',
  'followup.hypertension.quarterly': 'quarter',
  'followup.diabetes.quarterly': 'quarter',
  'test.diabetes.glucose.quarterly': 'quarter',
  'followup.severe_mental.quarterly': 'quarter',
  'test.diabetes_high_risk.glucose.yearly': 'year',
  'followup.other_chronic.yearly': 'year',
};

/** Task kinds a worklist can filter on, with their short Chinese label. */
export const CARE_TASK_LABELS: Record<string, string> = {
  'contact.quarterly': '季度联系',
  'followup.hypertension.quarterly': '高血压随访',
  'followup.diabetes.quarterly': '糖尿病面访',
  'test.diabetes.glucose.quarterly': '空腹血糖检测',
  'followup.severe_mental.quarterly': '严重精神障碍随访',
  'test.diabetes_high_risk.glucose.yearly': '糖尿病高危年度血糖',
  'followup.other_chronic.yearly': '其他慢病年度随访',
  'followup.referral.2w': '转诊后2周随访',
  'visit.down_referral': '下转康复访视',
  'prescription.refill': '长处方续方',
  'suggest.referral': '建议转诊',
};
export const CARE_TASK_KINDS = Object.keys(CARE_TASK_LABELS);

const Q_NAMES = ['', '第1次', '第2次', '第3次', '第4次'];

/** The reason a worklist line shows: "本季度尚未联系", "糖尿病第3次随访", "转诊后2周随访". */
export const reasonFor = (kind: string, w: Window, today: Day, extra?: string): string => {
  const q = quarterOf(w.start);
  const nth = Q_NAMES[q.quarter];
  const late = today > w.end;
  switch (kind) {
    case 'contact.quarterly':
      return late ? `${q.year}年第${q.quarter}季度未联系` : '本季度尚未联系';
    case 'followup.hypertension.quarterly':
      return `高血压${nth}随访`;
    case 'followup.diabetes.quarterly':
      return `糖尿病${nth}随访（面对面）`;
    case 'test.diabetes.glucose.quarterly':
      return `糖尿病${nth}空腹血糖`;
    case 'followup.severe_mental.quarterly':
      return `严重精神障碍${nth}随访（含危险性评估）`;
    case 'suggest.referral':
      return `建议转诊：${extra ?? ''}`;
    default:
      return CARE_TASK_LABELS[kind] ?? kind;
  }
};

/** A chain id: cycle chains are one per resident and kind; event chains per record. */
export const chainId = (residentId: string, kind: string, ref?: string): string =>
  ref === undefined ? `${residentId}:${kind}` : `${residentId}:${kind}:${ref}`;

/** First day a task shows on a worklist (soon = opens within soonDays). */
export const visibleFrom = (start: Day, callBack: Day | undefined, cfg = DEFAULT_SCHEDULE_CONFIG): Day =>
  callBack !== undefined && callBack > start ? callBack : addDays(start, -cfg.soonDays);

export type TaskWindow = { kind: string; start: Day; end: Day; ref?: string };

/**
 * The cycle tasks of a newly signed (or re-signed) resident, from the shared engine with no
 * records yet: for each task the earliest window still open or overdue within the term.
 */
export const initialCycleTasks = (
  ctx: Omit<ResidentTaskContext, 'records' | 'cfg'> & { cfg?: TScheduleConfig },
) => {
  const items = runTasks(CYCLE_TASKS, {
    ...ctx,
    records: EMPTY_RECORDS,
    cfg: ctx.cfg ?? DEFAULT_SCHEDULE_CONFIG,
  });
  const first = new Map<string, TaskWindow>();
  for (const i of items.sort((a, b) => a.window.start.localeCompare(b.window.start))) {
    // The previous quarter before the resident signed is cut by the term; only keep windows that
    // are still this period's or overdue by at most one period (the engine's two-period view).
    if (!first.has(i.taskId))
      first.set(i.taskId, { kind: i.taskId, start: i.window.start, end: i.window.end });
  }
  return [...first.values()];
};

/** The period after the one holding `day`, cut to the term; null when the term ends before it. */
export const nextCycleWindow = (kind: string, day: Day, term: Window): Window | null => {
  const period = CYCLE_PERIOD[kind] === 'year' ? yearOf : quarterOf;
  const next = period(addDays(period(day).end, 1));
  return intersect({ start: next.start, end: next.end }, term);
};

/** A task window's state on a day and the days left to its due-by day (negative: overdue). */
export const taskState = (
  t: Pick<CareTaskDoc, 'start' | 'end' | 'callBack'>,
  today: Day,
  cfg = DEFAULT_SCHEDULE_CONFIG,
): { state: WorkState; daysLeft: number } => {
  const daysLeft = diffDays(today, t.end);
  if (today > t.end) return { state: 'overdue', daysLeft };
  const opens = t.callBack !== undefined && t.callBack > t.start ? t.callBack : t.start;
  if (today >= opens) return { state: 'due', daysLeft };
  return { state: diffDays(today, opens) <= cfg.soonDays ? 'soon' : 'upcoming', daysLeft };
};

/** Fasting glucose (mmol/L) POLICY treats as unsatisfactory for a diabetic. */
export const glucoseUnsatisfied = (v: number, cfg = DEFAULT_SCHEDULE_CONFIG): boolean =>
  v >= cfg.diabetesUnsatisfiedGlucose;

/** Severe mental disorder: risk level 3 or above is unstable and policy asks for referral. */
export const SMI_UNSTABLE_LEVEL = 3;

/** Quarter progress line: "本季度已联系 812 / 1,204，还剩 23 天". */
export const coverageLine = (contacted: number, signed: number, daysLeft: number): string =>
  `本季度已联系 ${contacted.toLocaleString('en-US')} / ${signed.toLocaleString('en-US')}，还剩 ${daysLeft} 天`;

/** A name for lists: 钱淑芬 → 钱*芬, 王五 → 王*. */
export const maskName = (name: string): string => {
  const c = [...name];
  if (c.length <= 1) return name;
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
};

/** The cycle chains a follow-up resolves (mirrors the resolvedIf of shared/schedule/tasks/cycles.ts). */
export const followupResolves = (f: {
  kind: string;
  mode: string;
  riskLevel?: number;
  measurements: { systolic?: number; heartRate?: number; glucose?: number };
}): string[] => {
  const m = f.measurements;
  switch (f.kind) {
    case 'hypertension':
      return ['followup.hypertension.quarterly'];
    case 'diabetes':
      return f.mode !== 'phone' ? ['followup.diabetes.quarterly'] : [];
    case 'glucose_test':
      return m.glucose !== undefined
        ? ['test.diabetes.glucose.quarterly', 'test.diabetes_high_risk.glucose.yearly']
        : [];
    case 'severe_mental':
      return f.riskLevel !== undefined ? ['followup.severe_mental.quarterly'] : [];
    case 'other_chronic':
      return f.mode !== 'phone' &&
        m.heartRate !== undefined &&
        m.glucose !== undefined &&
        m.systolic !== undefined
        ? ['followup.other_chronic.yearly']
        : [];
    default:
      return [];
  }
};
