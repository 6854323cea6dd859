import { zDay, zId, zReason } from '../api/fields';
import { z } from '../api/zod';
import { VALIDATION_MESSAGES as V } from '../constants/messages';

/** Stored statuses; each change is one intent-named function in ./transitions.ts. */
export const CONTRACT_STATUSES = [
  'pending',
  'active',
  'rejected',
  'withdrawn',
  'expired',
  'terminated',
  'superseded',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What a reader sees at an instant: `upcoming` is confirmed but not started; see ./status.ts. */
export const EFFECTIVE_STATUSES = [...CONTRACT_STATUSES, 'upcoming'] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

/** Why a contract comes: first signing, renewal with the same team, or change of team (re-signing). */
export const CONTRACT_KINDS = ['new', 'renewal', 'change'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

import { TERMINATION_REASONS } from './reasons';

export { TERMINATION_REASONS };
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

const DATED: readonly ContractStatus[] = ['active', 'expired', 'terminated', 'superseded'];

/** A contract as stored: instants are Dates (UTC), startDate/endDate are Shanghai days, inclusive. */
export const ZContract = z
  .object({
    _id: zId,
    residentId: zId,
    teamId: zId,
    institutionId: zId,
    packageIds: z.array(zId).min(1),
    kind: z.enum(CONTRACT_KINDS),
    status: z.enum(CONTRACT_STATUSES),
    signedAt: z.date(),
    signedBy: zId,
    requestedStart: zDay.optional(),
    renewedFrom: zId.optional(),
    changedFrom: zId.optional(),
    confirmedAt: z.date().optional(),
    confirmedBy: zId.optional(),
    startDate: zDay.optional(),
    endDate: zDay.optional(),
    rejectedAt: z.date().optional(),
    rejectReason: zReason.optional(),
    withdrawnAt: z.date().optional(),
    expiredAt: z.date().optional(),
    terminatedAt: z.date().optional(),
    terminationReason: z.enum(TERMINATION_REASONS).optional(),
    terminationNote: z.string().max(200).optional(),
    supersededAt: z.date().optional(),
    supersededBy: zId.optional(),
  })
  .superRefine((c, ctx) => {
    if (DATED.includes(c.status) && (c.startDate === undefined || c.endDate === undefined))
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: V.day });
  });
export type TContract = z.output<typeof ZContract>;
