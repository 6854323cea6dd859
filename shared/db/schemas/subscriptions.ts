import { z } from '../../api/zod';

/**
 * Subscribe-message permission an account holds for one template (`_id` =
 * `sub_<userId>_<templateKey>`). One-time templates count credits (WeChat allows one message per
 * acceptance); long-term templates keep `long: true` until the user switches them off.
 */
export const ZSubscriptionDoc = z.object({
  _id: z.string().min(1),
  userId: z.string().min(1),
  /** The resident the account is, when it is one (credits are shown on their 消息 page). */
  residentId: z.string().optional(),
  staffId: z.string().optional(),
  /** Key of SUBSCRIBE_TEMPLATES (never the WeChat id, which is read at send time). */
  template: z.string().min(1),
  mode: z.enum(['once', 'long']),
  credits: z.number().int().min(0),
  long: z.boolean().optional(),
  acceptedAt: z.date(),
  usedAt: z.date().optional(),
  updatedAt: z.date(),
});
export type SubscriptionDoc = z.infer<typeof ZSubscriptionDoc>;

export const subscriptionId = (userId: string, template: string): string => `sub_${userId}_${template}`;
