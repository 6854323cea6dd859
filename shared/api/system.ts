import { z } from './zod';

/** `ping` proves the whole request path: page → transport → function → envelope. */
export const ZPingInput = z.object({}).strict();
export const ZPingOutput = z.object({
  pong: z.literal(true),
  /** Server time (UTC ISO) as the function's clock sees it. */
  serverTime: z.string(),
  /** Whether the platform delivered a caller identity in the function context. */
  identified: z.boolean(),
});
export type TPingInput = z.infer<typeof ZPingInput>;
export type TPingOutput = z.infer<typeof ZPingOutput>;
