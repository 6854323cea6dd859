import { z } from '../../api/zod';

/** A `rateLimits` document: a fixed-window counter, `_id` = `<key>_<windowStart ms>`. */
export const ZRateLimitDoc = z.object({
  _id: z.string(),
  count: z.number().int().min(0),
  expiresAt: z.date(),
});
export type RateLimitDoc = z.infer<typeof ZRateLimitDoc>;
