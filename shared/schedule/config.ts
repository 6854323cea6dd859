import { z } from '../api/zod';

/**
 * Schedule parameters. Values marked POLICY come from POLICY.md; the others are local defaults a
 * region may change (the policy names the duty but not the number of days).
 */
export const ZScheduleConfig = z.object({
  soonDays: z.number().int().min(0).max(60).default(7),
  referralFollowupDays: z.number().int().min(1).max(60).default(14), // POLICY: within 2 weeks
  downReferralVisitDays: z.number().int().min(1).max(60).default(14),
  tbReferralDays: z.number().int().min(1).max(30).default(7),
  tbFirstVisitDays: z.number().int().min(1).max(30).default(3),
  tbStoppedPhoneDays: z.number().int().min(1).max(60).default(14), // POLICY: within 2 weeks
  refillLeadDays: z.number().int().min(0).max(30).default(7),
  longPrescriptionMaxMonths: z.number().int().min(1).max(3).default(2), // POLICY: up to 2 months
  outreachMinPerMonth: z.number().int().min(0).max(10).default(1), // POLICY: 1–2 days a month
  outreachMaxPerMonth: z.number().int().min(1).max(10).default(2),
  liveStreamMinMinutes: z.number().int().min(1).max(240).default(30), // POLICY: ≥ 30 minutes weekly
  diabetesUnsatisfiedGlucose: z.number().min(4).max(20).default(7.0), // fasting mmol/L
  lookbackDays: z.number().int().min(14).max(400).default(120),
});
export type TScheduleConfig = z.output<typeof ZScheduleConfig>;
export const DEFAULT_SCHEDULE_CONFIG: TScheduleConfig = ZScheduleConfig.parse({});
