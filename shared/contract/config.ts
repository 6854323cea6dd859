import { z } from '../api/zod';

/**
 * Contract timing (POLICY.md "The contract"): term 1 year; the start may be chosen up to 1 month
 * ahead; renewal opens 30 days before expiry and stays open 30 days after (local defaults).
 */
export const ZContractConfig = z.object({
  termMonths: z.number().int().min(1).max(60).default(12),
  maxStartAheadMonths: z.number().int().min(0).max(3).default(1),
  renewalWindowDays: z.number().int().min(0).max(180).default(30),
  renewalGraceDays: z.number().int().min(0).max(180).default(30),
});
export type TContractConfig = z.output<typeof ZContractConfig>;

/** Term 12 months, start ≤ 1 month ahead, renewal 30 days before and 30 days after expiry. */
export const DEFAULT_CONTRACT_CONFIG: TContractConfig = ZContractConfig.parse({});
