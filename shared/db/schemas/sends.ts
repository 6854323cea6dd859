import { z } from '../../api/zod';
import { CHANNELS } from '../../messaging/channels';

/**
 * One delivery of an outbox entry through one channel (`_id` = `<outboxId>~<channel>`), written
 * before the external call in the transaction that consumes the credit, so a rerun after a crash
 * finds it and never sends again. `pending` left behind by a killed run means the outcome is
 * unknown: it is marked `unknown`, not repeated (a duplicate is worse than a gap the in-app copy covers).
 */
export const SEND_STATUSES = ['pending', 'sent', 'failed', 'unknown'] as const;
export const ZSendDoc = z.object({
  _id: z.string().min(1),
  outboxId: z.string().min(1),
  channel: z.enum(CHANNELS),
  status: z.enum(SEND_STATUSES),
  kind: z.string(),
  /** `r:<residentId>` / `s:<staffId>` (never a phone or openid). */
  owner: z.string(),
  at: z.date(),
  doneAt: z.date().optional(),
  error: z.string().optional(),
  /** Provider's message id (WeChat msgid, SMS serial), for support look-ups. */
  providerRef: z.string().optional(),
});
export type SendDoc = z.infer<typeof ZSendDoc>;

export const sendId = (outboxId: string, channel: string): string => `${outboxId}~${channel}`;
