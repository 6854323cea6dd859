import { z } from '../../api/zod';

/**
 * Coverage counters, updated in the transactions that change them: `<scope>:<id>` holds the
 * residents currently under care (signed), `<scope>:<id>:<quarterKey>` those contacted in that
 * quarter. Scope is `team`, `grid` or `inst`. Coverage reads two documents whatever the population.
 */
export const ZCareCounterDoc = z.object({
  _id: z.string(),
  signed: z.number().int().optional(),
  contacted: z.number().int().optional(),
  updatedAt: z.date(),
});
export type CareCounterDoc = z.infer<typeof ZCareCounterDoc>;
