import { z } from '../../api/zod';

/** Two-way referral: up to a hospital (green channel) or down for rehab take-over. */
export const REFERRAL_STATUSES = ['open', 'accepted', 'completed', 'cancelled'] as const;
export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const ZReferralDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  day: z.string(),
  at: z.date(),
  direction: z.enum(['up', 'down']),
  /** Hospital (up) or sending hospital (down). */
  hospital: z.string(),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  condition: z.string().optional(),
  status: z.enum(REFERRAL_STATUSES),
  /** Due-by day of the follow-up it schedules. */
  followupDue: z.string(),
  followedUpOn: z.string().optional(),
  statusNote: z.string().optional(),
  updatedAt: z.date(),
  byUserId: z.string().optional(),
});
export type ReferralDoc = z.infer<typeof ZReferralDoc>;
