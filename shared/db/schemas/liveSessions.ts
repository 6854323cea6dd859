import { z } from '../../api/zod';
import { LIVE_CHANNELS } from '../../education/live';

/** A weekly health live session (POLICY.md: ≥ 30 minutes with resident Q&A). */
export const ZLiveSessionDoc = z.object({
  _id: z.string(),
  institutionId: z.string(),
  districtId: z.string().optional(),
  title: z.string(),
  speaker: z.string(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  channel: z.enum(LIVE_CHANNELS),
  /** 视频号 id (channels) or an https link. */
  channelRef: z.string(),
  topics: z.array(z.string()),
  registrations: z.number().int().min(0),
  questions: z.number().int().min(0),
  createdByStaffId: z.string(),
  createdAt: z.date(),
});
export type LiveSessionDoc = z.infer<typeof ZLiveSessionDoc>;

/** A resident's registration, `_id` = `<sessionId>__<residentId>`. */
export const ZLiveRegistrationDoc = z.object({
  _id: z.string(),
  sessionId: z.string(),
  residentId: z.string(),
  createdAt: z.date(),
});
export type LiveRegistrationDoc = z.infer<typeof ZLiveRegistrationDoc>;

/** A question asked before the session; the host sees the text and a masked asker. */
export const ZLiveQuestionDoc = z.object({
  _id: z.string(),
  sessionId: z.string(),
  residentId: z.string(),
  askerLabel: z.string(),
  text: z.string(),
  createdAt: z.date(),
});
export type LiveQuestionDoc = z.infer<typeof ZLiveQuestionDoc>;
