import { quarterOf, yearOf } from '../../time';
import { anyIn, cycleEvents, type ResidentTaskContext, type TaskDefinition } from '../engine';
import type { FollowupKind, TFollowup } from '../records';

/**
 * Calendar-cycle tasks for signed residents (POLICY.md follow-up table, sources 001 and 003).
 * Each opens one window per period, cut to the contract term, resolved by a record in it.
 */
type Def = TaskDefinition<ResidentTaskContext>;

const signed = (ctx: ResidentTaskContext) => ctx.contract !== null;
const tagged = (tag: string) => (ctx: ResidentTaskContext) => signed(ctx) && ctx.tags.includes(tag);
const followupsOf = (
  ctx: ResidentTaskContext,
  kind: FollowupKind,
  ok: (f: TFollowup) => boolean = () => true,
) => ctx.records.followups.filter((f) => f.kind === kind && ok(f));

const quarterly = (ctx: ResidentTaskContext) =>
  cycleEvents(quarterOf, ctx.today, ctx.contract, ctx.resident._id);
const yearly = (ctx: ResidentTaskContext) => cycleEvents(yearOf, ctx.today, ctx.contract, ctx.resident._id);

/** POLICY 003: every signed resident is contacted at least once per calendar quarter (any channel). */
export const contactQuarterly: Def = {
  id: 'contact.quarterly',
  policy: 'POLICY 003 quarterly contact',
  appliesIf: signed,
  events: quarterly,
  resolvedIf: (ctx, ev) => anyIn(ctx.records.contacts, ev.window),
};

/** POLICY 001: hypertension follow-up each quarter (four a year). */
export const hypertensionQuarterly: Def = {
  id: 'followup.hypertension.quarterly',
  policy: 'POLICY 001 hypertension follow-up',
  appliesIf: tagged('hypertension'),
  events: quarterly,
  resolvedIf: (ctx, ev) => anyIn(followupsOf(ctx, 'hypertension'), ev.window),
};

/** POLICY 001: diabetes, 4 face-to-face follow-ups a year → one per quarter, in person. */
export const diabetesFollowupQuarterly: Def = {
  id: 'followup.diabetes.quarterly',
  policy: 'POLICY 001 diabetes 4 follow-ups',
  appliesIf: tagged('diabetes'),
  events: quarterly,
  resolvedIf: (ctx, ev) =>
    anyIn(
      followupsOf(ctx, 'diabetes', (f) => f.mode !== 'phone'),
      ev.window,
    ),
};

/** POLICY 001: diabetes, 4 free fasting-glucose tests a year → one per quarter. */
export const diabetesGlucoseQuarterly: Def = {
  id: 'test.diabetes.glucose.quarterly',
  policy: 'POLICY 001 diabetes 4 glucose tests',
  appliesIf: tagged('diabetes'),
  events: quarterly,
  resolvedIf: (ctx, ev) =>
    anyIn(
      followupsOf(ctx, 'glucose_test', (f) => f.measurements.glucose !== undefined),
      ev.window,
    ),
};

/** POLICY 001: diabetes high risk (not yet diabetic), at least one fasting glucose a year. */
export const diabetesHighRiskYearly: Def = {
  id: 'test.diabetes_high_risk.glucose.yearly',
  policy: 'POLICY 001 diabetes high risk yearly glucose',
  appliesIf: (ctx) => tagged('diabetes_high_risk')(ctx) && !ctx.tags.includes('diabetes'),
  events: yearly,
  resolvedIf: (ctx, ev) =>
    anyIn(
      followupsOf(ctx, 'glucose_test', (f) => f.measurements.glucose !== undefined),
      ev.window,
    ),
};

/** POLICY 001: severe mental disorder, ≥ 4 follow-ups a year, each with a risk level (0–5). */
export const severeMentalQuarterly: Def = {
  id: 'followup.severe_mental.quarterly',
  policy: 'POLICY 001 severe mental 4 follow-ups with risk',
  appliesIf: tagged('severe_mental'),
  events: quarterly,
  resolvedIf: (ctx, ev) =>
    anyIn(
      followupsOf(ctx, 'severe_mental', (f) => f.riskLevel !== undefined),
      ev.window,
    ),
};

/** POLICY 001: other chronic disease, ≥ 1 face-to-face follow-up a year measuring HR, glucose and BP. */
export const otherChronicYearly: Def = {
  id: 'followup.other_chronic.yearly',
  policy: 'POLICY 001 other chronic yearly',
  appliesIf: tagged('other_chronic'),
  events: yearly,
  resolvedIf: (ctx, ev) =>
    anyIn(
      followupsOf(ctx, 'other_chronic', (f) => {
        const m = f.measurements;
        return (
          f.mode !== 'phone' &&
          m.heartRate !== undefined &&
          m.glucose !== undefined &&
          m.systolic !== undefined
        );
      }),
      ev.window,
    ),
};

/** All calendar-cycle tasks. */
export const CYCLE_TASKS: readonly Def[] = [
  contactQuarterly,
  hypertensionQuarterly,
  diabetesFollowupQuarterly,
  diabetesGlucoseQuarterly,
  diabetesHighRiskYearly,
  severeMentalQuarterly,
  otherChronicYearly,
];
