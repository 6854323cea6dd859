import { defineAction } from './define';
import { zInstant } from './fields';
import { z } from './zod';

/**
 * The message centre (消息 in 我的) and subscribe permissions, served by the `scheduler` function
 * next to its timer jobs. Every role reads its own inbox; a resident also reads the messages of the
 * family members they manage.
 */
const EVERYONE_OWN = {
  resident: 'family',
  doctor: 'own',
  grid_worker: 'own',
  institution_admin: 'own',
  district_admin: 'own',
} as const;

const zMessageId = z.string().min(1).max(200);

export const ZMessageView = z.object({
  messageId: zMessageId,
  kind: z.string(),
  /** Chinese category label (预约提醒, 续约提醒 …). */
  label: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string().optional(),
  read: z.boolean(),
  createdAt: zInstant,
});
export type TMessageView = z.output<typeof ZMessageView>;

export const ZInboxInput = z.object({
  /** createdAt of the last message already shown (next page). */
  before: zInstant.optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const ZInbox = z.object({ items: z.array(ZMessageView), unread: z.number().int().min(0) });
export const inbox = defineAction({
  fn: 'scheduler',
  action: 'inbox',
  summary: 'The caller’s in-app messages, newest first, with the unread count',
  input: ZInboxInput,
  output: ZInbox,
  errors: [],
  access: EVERYONE_OWN,
});

export const unread = defineAction({
  fn: 'scheduler',
  action: 'unread',
  summary: 'Unread badge count of the caller’s message centre',
  input: z.object({}),
  output: z.object({ unread: z.number().int().min(0) }),
  errors: [],
  access: EVERYONE_OWN,
});

export const ZMarkReadInput = z.union([
  z.object({ messageId: zMessageId }),
  z.object({ all: z.literal(true) }),
]);
export const markRead = defineAction({
  fn: 'scheduler',
  action: 'markRead',
  summary: 'Marks one message (or all) as read',
  input: ZMarkReadInput,
  output: z.object({ unread: z.number().int().min(0) }),
  errors: ['NOT_FOUND'],
  access: EVERYONE_OWN,
});

export const ZSubscriptionView = z.object({
  template: z.string(),
  title: z.string(),
  reason: z.string(),
  mode: z.enum(['once', 'long']),
  /** One-time messages still allowed (once), or whether the long-term subscription is on. */
  credits: z.number().int().min(0),
  on: z.boolean(),
});
export const ZSubscriptions = z.object({ items: z.array(ZSubscriptionView) });
export const subscriptions = defineAction({
  fn: 'scheduler',
  action: 'subscriptions',
  summary: 'What the caller is subscribed to (credits per template)',
  input: z.object({}),
  output: ZSubscriptions,
  errors: [],
  access: EVERYONE_OWN,
});

export const ZSubscribeInput = z.object({
  /** Template ids WeChat reported `accept` for in `requestSubscribeMessage`. */
  accepted: z.array(z.string().min(1).max(64)).max(3),
});
export const subscribe = defineAction({
  fn: 'scheduler',
  action: 'subscribe',
  summary: 'Records subscribe permissions the user just granted',
  input: ZSubscribeInput,
  output: ZSubscriptions,
  errors: [],
  access: EVERYONE_OWN,
});

export const SCHEDULER_ACTIONS = [inbox, unread, markRead, subscriptions, subscribe] as const;
