import { z } from '../../api/zod';

/**
 * One per signed resident (`_id` = residentId): what the care function needs to decide without
 * reading the resident's history. Created when a contract is confirmed (or lazily on first care
 * action), updated in the same transaction as every record that changes it.
 */
export const CARE_STATUSES = ['active', 'removed'] as const;
export const REMOVAL_REASONS = ['moved_away', 'deceased', 'transferred', 'wrong_number'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];
/** Set by the contract side only (terminated, or its term ended unrenewed); never a staff choice. */
export const CONTRACT_ENDED = 'contract_ended' as const;

export const ZCareStateDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  institutionId: z.string().optional(),
  gridId: z.string().optional(),
  contractId: z.string(),
  term: z.object({ start: z.string(), end: z.string() }),
  /** Masked for lists (钱*芬); the full name is read from `residents` on a resident's page. */
  nameMasked: z.string(),
  birthDate: z.string().optional(),
  tags: z.array(z.string()),
  status: z.enum(CARE_STATUSES),
  removedReason: z.enum([...REMOVAL_REASONS, CONTRACT_ENDED]).optional(),
  removedNote: z.string().optional(),
  /** Last contact that reached the resident, and its quarter key (first contact of a quarter counts once). */
  lastContactDay: z.string().optional(),
  lastContactQuarter: z.string().optional(),
  /** Last two fasting-glucose results (oldest first): POLICY 001 two unsatisfactory → refer. */
  recentGlucose: z.array(z.object({ day: z.string(), value: z.number() })).default([]),
  lastRiskLevel: z.number().int().min(0).max(5).optional(),
  /** A referral policy asks for, until a referral is opened. */
  suggestion: z.object({ day: z.string(), reason: z.string() }).optional(),
  /** Ids of the open careTasks chains (a removal closes them all inside its transaction). */
  chains: z.array(z.string()).default([]),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CareStateDoc = z.infer<typeof ZCareStateDoc>;
