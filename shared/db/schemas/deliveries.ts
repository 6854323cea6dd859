import { z } from '../../api/zod';

/**
 * One article × one resident, `_id` = deliveryId(articleId, residentId). Written by a push
 * (`pushedAt`: never pushed twice) or by the resident opening the article (`openedAt`,
 * `readToEndAt`). Reach counts these per article and per team.
 */
export const ZDeliveryDoc = z.object({
  _id: z.string(),
  articleId: z.string(),
  residentId: z.string(),
  institutionId: z.string(),
  /** The pushing team (reach per team). */
  teamId: z.string().optional(),
  campaignId: z.string().optional(),
  pushedAt: z.date().optional(),
  /** Channels the push went out on: in-app always, `wechat` queued in the outbox. */
  channels: z.array(z.enum(['in_app', 'wechat'])).optional(),
  openedAt: z.date().optional(),
  readToEndAt: z.date().optional(),
  createdAt: z.date(),
});
export type DeliveryDoc = z.infer<typeof ZDeliveryDoc>;

/** A resident's pushes in one Shanghai week, `_id` = weeklyCounterId(residentId, day). */
export const ZPushCounterDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  week: z.string(),
  count: z.number().int().min(0),
  articleIds: z.array(z.string()),
  updatedAt: z.date(),
});
export type PushCounterDoc = z.infer<typeof ZPushCounterDoc>;

/** An in-app inbox entry (the message centre); the [Messaging] helper owns its other kinds. */
export const ZInboxMessageDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string().optional(),
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
  createdAt: z.date(),
  readAt: z.date().optional(),
  /** Message-centre fields (shared/db/schemas/messages.ts): `r:<residentId>`, unread flag. */
  owner: z.string().optional(),
  read: z.boolean().optional(),
});
export type InboxMessageDoc = z.infer<typeof ZInboxMessageDoc>;
