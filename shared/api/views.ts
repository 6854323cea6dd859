import { TEAM_POSITIONS } from '../constants/roles';
import { KEY_POPULATION_TAGS, STORED_TAGS } from '../constants/tags';
import { CONTRACT_KINDS, EFFECTIVE_STATUSES, TERMINATION_REASONS } from '../contract/model';
import { PACKAGE_KINDS } from '../fees/packages';
import { zDay, zFen, zId, zInstant } from './fields';
import { z } from './zod';

/**
 * What actions send back. Instants travel as ISO strings; ID numbers and phones only masked
 * (STYLE.md §14): a view never carries a full ID number.
 */
export const ZFeeLineView = z.object({
  packageId: zId,
  name: z.string(),
  feeFen: zFen,
  residentFen: zFen,
  insuranceFen: zFen,
  publicHealthFen: zFen,
  waivedFen: zFen,
});
export const ZQuoteView = z.object({
  lines: z.array(ZFeeLineView),
  total: ZFeeLineView.omit({ packageId: true, name: true }),
});

export const ZPackageView = z.object({
  packageId: zId,
  kind: z.enum(PACKAGE_KINDS),
  name: z.string(),
  feeFen: zFen,
  services: z.array(z.object({ name: z.string(), timesPerYear: z.number().int() })),
});

export const ZTeamSummary = z.object({
  teamId: zId,
  name: z.string(),
  institutionId: zId,
  institutionName: z.string(),
  leaderName: z.string(),
  memberCount: z.number().int().min(0),
  signedCount: z.number().int().min(0),
  capacity: z.number().int().min(0),
  /** The team serves where the resident lives (absent when their residence is unknown). */
  servesYou: z.boolean().optional(),
  /** Why this resident cannot choose the team, in plain Chinese (absent when they can). */
  whyNot: z.string().optional(),
});

export const ZTeamDetail = ZTeamSummary.extend({
  members: z.array(z.object({ staffId: zId, name: z.string(), position: z.enum(TEAM_POSITIONS) })),
  serviceArea: z.array(z.string()),
  packages: z.array(ZPackageView),
});

export const ZContractView = z.object({
  contractId: zId,
  residentId: zId,
  residentName: z.string(),
  teamId: zId,
  teamName: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  status: z.enum(EFFECTIVE_STATUSES),
  signedAt: zInstant,
  requestedStart: zDay.optional(),
  startDate: zDay.optional(),
  endDate: zDay.optional(),
  renewableFrom: zDay.optional(),
  renewableUntil: zDay.optional(),
  rejectReason: z.string().optional(),
  terminationReason: z.enum(TERMINATION_REASONS).optional(),
  fee: ZQuoteView.optional(),
  channel: z.string().optional(),
  verificationCode: z.string().optional(),
  institutionName: z.string().optional(),
  /** The institution's public phone (tap to call from the home page). */
  institutionPhone: z.string().optional(),
  leaderName: z.string().optional(),
  /** Team members to contact (name and position; phones stay with the institution). */
  contacts: z.array(z.object({ name: z.string(), position: z.string() })).optional(),
  confirmedAt: zInstant.optional(),
  rejectedAt: zInstant.optional(),
  withdrawnAt: zInstant.optional(),
  terminatedAt: zInstant.optional(),
  supersededAt: zInstant.optional(),
  /** For the reviewer: the resident's age today and key-population tags (elderly, hypertension …). */
  residentAge: z.number().int().min(0).optional(),
  residentTags: z.array(z.string()).optional(),
});
export const ZContractList = z.object({ contracts: z.array(ZContractView), total: z.number().int().min(0) });

export const ZFamilyMemberView = z.object({
  residentId: zId,
  name: z.string(),
  maskedIdNumber: z.string(),
  relation: z.string(),
  age: z.number().int().min(0),
  tags: z.array(z.enum([...new Set([...KEY_POPULATION_TAGS, ...STORED_TAGS])] as [string, ...string[]])),
  /** The village/community they live in, when known (teams are matched on it). */
  villageId: zId.optional(),
});
