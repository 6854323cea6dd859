import { zDay, zId } from '../api/fields';
import { z } from '../api/zod';
import { VALIDATION_MESSAGES as V } from '../constants/messages';

/**
 * Service records the schedules and indicators read. Each carries the Shanghai `day` it happened
 * on (computed by the server from the instant) so rules and pipelines compare days, not instants.
 */
export const CONTACT_CHANNELS = ['phone', 'wechat', 'sms', 'visit'] as const;
export const ZContact = z.object({
  _id: zId,
  residentId: zId,
  teamId: zId,
  day: zDay,
  channel: z.enum(CONTACT_CHANNELS),
});
export type TContact = z.output<typeof ZContact>;

/** Follow-up kinds; `glucose_test` is one of diabetes' four free fasting-glucose tests. */
export const FOLLOWUP_KINDS = [
  'hypertension',
  'diabetes',
  'glucose_test',
  'severe_mental',
  'tuberculosis',
  'other_chronic',
  'referral',
  'rehab',
] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];
export const FOLLOWUP_MODES = ['face_to_face', 'home_visit', 'phone'] as const;

/** Severe-mental risk levels 0–5 (国家严重精神障碍危险性评估 0–5 级). */
export const ZRiskLevel = z
  .number({ error: V.riskLevel })
  .int({ error: V.riskLevel })
  .min(0, { error: V.riskLevel })
  .max(5, { error: V.riskLevel });

export const ZFollowup = z
  .object({
    _id: zId,
    residentId: zId,
    teamId: zId,
    day: zDay,
    kind: z.enum(FOLLOWUP_KINDS),
    mode: z.enum(FOLLOWUP_MODES),
    riskLevel: ZRiskLevel.optional(),
    referralId: zId.optional(),
    measurements: z
      .object({
        systolic: z.number().int().min(40).max(300).optional(),
        diastolic: z.number().int().min(20).max(200).optional(),
        heartRate: z.number().int().min(20).max(250).optional(),
        glucose: z.number().min(0.5).max(50).optional(),
      })
      .default({}),
  })
  // POLICY 001: every severe-mental follow-up carries a risk assessment.
  .refine((f) => f.kind !== 'severe_mental' || f.riskLevel !== undefined, {
    error: V.riskLevel,
    path: ['riskLevel'],
  });
export type TFollowup = z.output<typeof ZFollowup>;

export const ZReferral = z.object({
  _id: zId,
  residentId: zId,
  day: zDay,
  direction: z.enum(['up', 'down']),
  condition: z.string().max(40).optional(),
});
export type TReferral = z.output<typeof ZReferral>;

export const ZPrescription = z
  .object({ _id: zId, residentId: zId, startDay: zDay, endDay: zDay, long: z.boolean() })
  .refine((p) => p.endDay >= p.startDay, { error: V.endBeforeStart, path: ['endDay'] });
export type TPrescription = z.output<typeof ZPrescription>;

/** Tuberculosis case events (source 001): suspected → referred, confirmed → visits, stopped → phone follow-up. */
export const TB_EVENT_TYPES = [
  'suspected',
  'confirmed',
  'stopped_medication',
  'closed',
  'moved_out',
] as const;
export const ZTbEvent = z.object({ _id: zId, residentId: zId, day: zDay, type: z.enum(TB_EVENT_TYPES) });
export type TTbEvent = z.output<typeof ZTbEvent>;

/** Everything known about one resident's care, as the engine reads it. */
export type ResidentRecords = {
  contacts: readonly TContact[];
  followups: readonly TFollowup[];
  referrals: readonly TReferral[];
  prescriptions: readonly TPrescription[];
  tbEvents: readonly TTbEvent[];
};

/** No records yet. */
export const EMPTY_RECORDS: ResidentRecords = {
  contacts: [],
  followups: [],
  referrals: [],
  prescriptions: [],
  tbEvents: [],
};
