import { z } from '../../api/zod';

/**
 * One open task chain of a resident (`_id` = `<residentId>:<chain>`), e.g. the quarterly contact or
 * a referral's 2-week follow-up. Resolving it rolls the window to the next period (cycle tasks) or
 * deletes it (event tasks), in the transaction that writes the resolving record. The worklist is an
 * indexed page over `teamId` + `from` ordered by `end`: cost follows due work, not population.
 */
export const ZCareTaskDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  gridId: z.string().optional(),
  /** Task definition id from shared/schedule (`contact.quarterly`, `followup.referral.2w` …). */
  kind: z.string(),
  /** Window, Shanghai days inclusive; `end` is the due-by day. */
  start: z.string(),
  end: z.string(),
  /** First day the task shows on a worklist: `start` − soonDays, or the call-back day. */
  from: z.string(),
  /** Day the resident asked to be called back (call outcome "call later"). */
  callBack: z.string().optional(),
  /** Failed attempts in this window (not reachable). */
  attempts: z.number().int().min(0).default(0),
  reason: z.string(),
  ref: z.string().optional(),
  nameMasked: z.string(),
  updatedAt: z.date(),
});
export type CareTaskDoc = z.infer<typeof ZCareTaskDoc>;
