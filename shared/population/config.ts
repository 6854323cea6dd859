import { z } from '../api/zod';

/**
 * Region-configurable thresholds (POLICY.md: "rules that differ between regions are configuration
 * with these defaults"). Sanmen county (source 000) counts the elderly from 60; the national
 * default (003) is 65.
 */
export const ZPopulationConfig = z.object({
  elderlyMinAge: z.number().int().min(50).max(80).default(65),
  childMaxAge: z.number().int().min(0).max(14).default(6),
  // 产后 42 天 (postpartum period) during which a mother still counts as maternal.
  postpartumDays: z.number().int().min(0).max(365).default(42),
});
export type TPopulationConfig = z.output<typeof ZPopulationConfig>;

/** The national defaults: elderly ≥ 65, child 0–6, postpartum 42 days. */
export const DEFAULT_POPULATION_CONFIG: TPopulationConfig = ZPopulationConfig.parse({});
