import { z } from '../../api/zod';

/**
 * A `subscriptions` document: one-time subscribe-message credits an account holds for one
 * template (WeChat grants one per accept). `_id` = `<userId>_<templateId>` (cut to 64).
 */
export const ZSubscriptionDoc = z.object({
  _id: z.string(),
  userId: z.string(),
  templateId: z.string(),
  credits: z.number().int().min(0),
  updatedAt: z.date(),
});
export type SubscriptionDoc = z.infer<typeof ZSubscriptionDoc>;
