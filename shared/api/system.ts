import { z } from './zod';

/** `ping` proves the whole request path: page → transport → function → envelope. */
export const ZPingInput = z.object({}).strict();
export const ZPingOutput = z.object({
  pong: z.literal(true),
  /** Server time (UTC ISO) as the function's clock sees it. */
  serverTime: z.string(),
  /** Whether the platform delivered a caller identity in the function context. */
  identified: z.boolean(),
  /**
   * For the first deployment's check: whether the platform delivered an openid / appid, and
   * whether each deployment variable reached the function ('set' | 'missing' | 'malformed').
   */
  platform: z
    .object({
      openid: z.boolean(),
      appid: z.boolean(),
      env: z.record(z.string(), z.enum(['set', 'missing', 'malformed'])),
    })
    .optional(),
});
export type TPingInput = z.infer<typeof ZPingInput>;
export type TPingOutput = z.infer<typeof ZPingOutput>;
