import { CARE_TASK_KINDS } from '../care/plan';
import { VALIDATION_MESSAGES as V } from '../constants/messages';
import { REMOVAL_REASONS } from '../db/schemas/careStates';
import { CONTACT_CHANNELS_ALL, CONTACT_OUTCOMES } from '../db/schemas/contacts';
import { ADHERENCE } from '../db/schemas/followups';
import { REFERRAL_STATUSES, REFERRAL_URGENCIES } from '../db/schemas/referrals';
import { WORK_STATES } from '../schedule/predicates';
import { FOLLOWUP_KINDS, FOLLOWUP_MODES, ZRiskLevel } from '../schedule/records';
import { defineAction } from './define';
import { zDay, zId } from './fields';
import { z } from './zod';

/**
 * The `care` function: quarterly contact, the doctor's worklist, follow-ups, referrals and long
 * prescriptions, over the rules in shared/schedule and shared/care (docs/care.md).
 */
const TEAM = { doctor: 'team' } as const;
const zKind = z.enum(CARE_TASK_KINDS as [string, ...string[]]);
const zNote = z.string().trim().max(200).optional();

export const ZWorkItemView = z.object({
  taskId: z.string(),
  residentId: zId,
  nameMasked: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  reason: z.string(),
  start: zDay,
  end: zDay,
  state: z.enum(WORK_STATES),
  daysLeft: z.number().int(),
  callBack: zDay.optional(),
  attempts: z.number().int().min(0),
});
export type TWorkItemView = z.output<typeof ZWorkItemView>;

export const ZWorklistInput = z.object({
  teamId: zId.optional(),
  kind: zKind.optional(),
  gridId: zId.optional(),
  state: z.enum(['overdue', 'due', 'soon']).optional(),
  offset: z.number().int().min(0).max(5000).default(0),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TWorklistInput = z.output<typeof ZWorklistInput>;
export const worklist = defineAction({
  fn: 'care',
  action: 'worklist',
  summary: "A team's overdue / due / soon tasks, overdue first, with counts per kind",
  input: ZWorklistInput,
  output: z.object({
    teamId: zId,
    today: zDay,
    items: z.array(ZWorkItemView),
    hasMore: z.boolean(),
    counts: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        overdue: z.number().int(),
        due: z.number().int(),
        soon: z.number().int(),
      }),
    ),
  }),
  errors: ['TEAM_NOT_FOUND'],
  access: TEAM,
});

export const ZRecordContactInput = z.object({
  residentId: zId,
  channel: z.enum(CONTACT_CHANNELS_ALL),
  outcome: z.enum(CONTACT_OUTCOMES),
  /** "Call me later": the task comes back in N days. */
  callBackDays: z.number().int().min(1).max(30).optional(),
  /** Required when the outcome is `removed` (the handler answers REMOVAL_REASON_REQUIRED). */
  removalReason: z.enum(REMOVAL_REASONS).optional(),
  note: zNote,
});
export type TRecordContactInput = z.output<typeof ZRecordContactInput>;
export const ZContactResult = z.object({
  contactId: z.string(),
  day: zDay,
  outcome: z.enum(CONTACT_OUTCOMES),
  /** Next day the quarterly contact is due (after a reached contact or a call-back). */
  nextDue: zDay.optional(),
  removed: z.boolean(),
  contractEnded: z.boolean(),
});
export const recordContact = defineAction({
  fn: 'care',
  action: 'recordContact',
  summary: 'Record a phone / WeChat / SMS / visit / clinic contact with its outcome',
  input: ZRecordContactInput,
  output: ZContactResult,
  errors: ['NOT_UNDER_CARE', 'REMOVAL_REASON_REQUIRED', 'RATE_LIMITED'],
  access: TEAM,
});

export const ZMeasurementsInput = z
  .object({
    systolic: z
      .number()
      .int()
      .min(60, { error: V.measurement })
      .max(260, { error: V.measurement })
      .optional(),
    diastolic: z
      .number()
      .int()
      .min(30, { error: V.measurement })
      .max(160, { error: V.measurement })
      .optional(),
    heartRate: z
      .number()
      .int()
      .min(30, { error: V.measurement })
      .max(220, { error: V.measurement })
      .optional(),
    glucose: z.number().min(1, { error: V.measurement }).max(35, { error: V.measurement }).optional(),
  })
  .default({});
export const ZRecordFollowupInput = z
  .object({
    residentId: zId,
    kind: z.enum(FOLLOWUP_KINDS),
    mode: z.enum(FOLLOWUP_MODES),
    measurements: ZMeasurementsInput,
    riskLevel: ZRiskLevel.optional(),
    referralId: zId.optional(),
    adherence: z.enum(ADHERENCE).optional(),
    supervisedDose: z.boolean().optional(),
    note: zNote,
  })
  // POLICY 001: every severe-mental follow-up carries a risk assessment.
  .refine((f) => f.kind !== 'severe_mental' || f.riskLevel !== undefined, {
    error: V.riskLevel,
    path: ['riskLevel'],
  })
  .refine((f) => f.kind !== 'glucose_test' || f.measurements.glucose !== undefined, {
    error: V.measurement,
    path: ['measurements', 'glucose'],
  });
export type TRecordFollowupInput = z.output<typeof ZRecordFollowupInput>;
export const recordFollowup = defineAction({
  fn: 'care',
  action: 'recordFollowup',
  summary: 'Record a structured follow-up; may raise a referral suggestion',
  input: ZRecordFollowupInput,
  output: z.object({
    followupId: z.string(),
    day: zDay,
    resolved: z.array(z.string()),
    suggestion: z.object({ reason: z.string() }).optional(),
  }),
  errors: ['NOT_UNDER_CARE', 'IMPLAUSIBLE_VALUE', 'REFERRAL_NOT_FOUND', 'RATE_LIMITED'],
  access: TEAM,
});

export const ZReferralView = z.object({
  referralId: z.string(),
  residentId: zId,
  day: zDay,
  direction: z.enum(['up', 'down']),
  hospital: z.string(),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  followupDue: zDay,
  followedUpOn: zDay.optional(),
});
export type TReferralView = z.output<typeof ZReferralView>;

export const ZReferInput = z.object({
  residentId: zId,
  direction: z.enum(['up', 'down']),
  hospital: z.string().trim().min(2).max(40),
  reason: z.string().trim().min(1).max(200),
  urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
  condition: z.string().trim().max(40).optional(),
});
export type TReferInput = z.output<typeof ZReferInput>;
export const refer = defineAction({
  fn: 'care',
  action: 'refer',
  summary: 'Refer up (hospital) or take over after a down-referral; schedules the 2-week follow-up',
  input: ZReferInput,
  output: ZReferralView,
  errors: ['NOT_UNDER_CARE', 'RATE_LIMITED'],
  access: TEAM,
});

export const ZUpdateReferralInput = z.object({
  referralId: zId,
  status: z.enum(['accepted', 'completed', 'cancelled']),
  note: zNote,
});
export type TUpdateReferralInput = z.output<typeof ZUpdateReferralInput>;
export const updateReferral = defineAction({
  fn: 'care',
  action: 'updateReferral',
  summary: 'Move a referral on: accepted, completed or cancelled (cancelled drops its follow-up)',
  input: ZUpdateReferralInput,
  output: ZReferralView,
  errors: ['REFERRAL_NOT_FOUND', 'ILLEGAL_TRANSITION', 'RATE_LIMITED'],
  access: TEAM,
});

export const LONG_RX_CONDITIONS = ['hypertension', 'diabetes', 'other_chronic', 'severe_mental'] as const;
export const ZPrescriptionView = z.object({
  prescriptionId: z.string(),
  residentId: zId,
  condition: z.string(),
  drugs: z.array(z.string()),
  startDay: zDay,
  endDay: zDay,
});
export const ZPrescribeLongInput = z.object({
  residentId: zId,
  condition: z.enum(LONG_RX_CONDITIONS),
  drugs: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
  startDay: zDay.optional(),
  endDay: zDay,
});
export type TPrescribeLongInput = z.output<typeof ZPrescribeLongInput>;
export const prescribeLong = defineAction({
  fn: 'care',
  action: 'prescribeLong',
  summary: 'Long prescription (≤ 2 months) for a stable chronic patient',
  input: ZPrescribeLongInput,
  output: ZPrescriptionView,
  errors: ['NOT_UNDER_CARE', 'PRESCRIPTION_TOO_LONG', 'NOT_STABLE_CHRONIC', 'START_IN_PAST', 'RATE_LIMITED'],
  access: TEAM,
});

export const ZPlanItemView = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  reason: z.string(),
  start: zDay,
  end: zDay,
  state: z.enum(WORK_STATES),
  daysLeft: z.number().int(),
});
export const ZTimelineEntry = z.object({
  id: z.string(),
  type: z.enum(['contract', 'contact', 'followup', 'referral', 'prescription', 'appointment']),
  day: zDay,
  title: z.string(),
  detail: z.string(),
});
export type TTimelineEntry = z.output<typeof ZTimelineEntry>;
export const ZTimelineInput = z.object({ residentId: zId });
export const timeline = defineAction({
  fn: 'care',
  action: 'timeline',
  summary:
    "One resident's contracts, contacts, follow-ups, referrals, prescriptions and appointments, newest first",
  input: ZTimelineInput,
  output: z.object({
    residentId: zId,
    name: z.string(),
    age: z.number().int().optional(),
    tags: z.array(z.string()),
    mobileMasked: z.string().optional(),
    underCare: z.boolean(),
    plan: z.array(ZPlanItemView),
    suggestion: z.string().optional(),
    openReferrals: z.array(ZReferralView),
    entries: z.array(ZTimelineEntry),
  }),
  errors: ['NOT_UNDER_CARE'],
  access: { resident: 'family', doctor: 'team' },
});

export const phoneNumber = defineAction({
  fn: 'care',
  action: 'phoneNumber',
  summary: "A resident's phone number for tap-to-call (audited)",
  input: z.object({ residentId: zId }),
  output: z.object({ phone: z.string() }),
  errors: ['NOT_UNDER_CARE', 'NOT_FOUND'],
  access: TEAM,
});

export const ZCoverageInput = z
  .object({ teamId: zId.optional(), gridId: zId.optional(), institutionId: zId.optional() })
  .default({});
export const ZCoverageView = z.object({
  scope: z.enum(['team', 'grid', 'institution']),
  id: zId,
  quarter: z.string(),
  signed: z.number().int().min(0),
  contacted: z.number().int().min(0),
  notContacted: z.number().int().min(0),
  daysLeft: z.number().int().min(0),
  line: z.string(),
});
export type TCoverageView = z.output<typeof ZCoverageView>;
export const coverage = defineAction({
  fn: 'care',
  action: 'coverage',
  summary: "This quarter's contact coverage for a team, a grid or an institution",
  input: ZCoverageInput,
  output: ZCoverageView,
  errors: ['TEAM_NOT_FOUND'],
  access: { doctor: 'team', grid_worker: 'grid', institution_admin: 'institution' },
});

export const myPlan = defineAction({
  fn: 'care',
  action: 'myPlan',
  summary: "A resident's own follow-up plan, referrals, long prescriptions and contact history",
  input: z.object({ residentId: zId.optional() }),
  output: z.object({
    residentId: zId.optional(),
    underCare: z.boolean(),
    plan: z.array(ZPlanItemView),
    referrals: z.array(ZReferralView),
    prescriptions: z.array(ZPrescriptionView),
    contacts: z.array(z.object({ day: zDay, channel: z.string(), outcome: z.string() })),
  }),
  errors: [],
  access: { resident: 'family' },
});

export const CARE_ACTIONS = [
  worklist,
  recordContact,
  recordFollowup,
  refer,
  updateReferral,
  prescribeLong,
  timeline,
  phoneNumber,
  coverage,
  myPlan,
];
