import { z } from '../api/zod';

/**
 * Region-configurable education rules (POLICY.md "health education" and "district hospitals"
 * rows). Defaults: at most 2 pushes a week per resident whatever the number of doctors pushing,
 * live sessions of at least 30 minutes, fan-out in chunks small enough for one invocation.
 */
export const ZEducationConfig = z.object({
  maxPushesPerWeek: z.number().int().min(1).max(14).default(2),
  minLiveMinutes: z.number().int().min(1).default(30),
  maxLiveMinutes: z.number().int().min(30).default(240),
  /** Residents read per audience page (the SDK caps a read at 1,000). */
  audiencePage: z.number().int().min(10).max(1000).default(500),
  /** Minutes before a live session its reminder goes out. */
  liveReminderMinutes: z.number().int().min(5).default(30),
});
export type TEducationConfig = z.output<typeof ZEducationConfig>;

/** The national defaults. */
export const EDUCATION_CONFIG: TEducationConfig = ZEducationConfig.parse({});
