import { z } from '../../api/zod';
import { FOLLOWUP_KINDS, FOLLOWUP_MODES } from '../../schedule/records';

/** A structured follow-up (shared/schedule `ZFollowup` plus who, when and adherence). */
export const ADHERENCE = ['regular', 'intermittent', 'none'] as const;
export const ZFollowupDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  day: z.string(),
  at: z.date(),
  kind: z.enum(FOLLOWUP_KINDS),
  mode: z.enum(FOLLOWUP_MODES),
  riskLevel: z.number().int().min(0).max(5).optional(),
  referralId: z.string().optional(),
  measurements: z
    .object({
      systolic: z.number().optional(),
      diastolic: z.number().optional(),
      heartRate: z.number().optional(),
      glucose: z.number().optional(),
    })
    .default({}),
  adherence: z.enum(ADHERENCE).optional(),
  /** TB: medication taken under supervision at this visit. */
  supervisedDose: z.boolean().optional(),
  note: z.string().optional(),
  byUserId: z.string().optional(),
});
export type FollowupDoc = z.infer<typeof ZFollowupDoc>;
