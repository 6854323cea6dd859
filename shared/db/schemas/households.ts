import { z } from '../../api/zod';

/**
 * A household (户) on a door plate, registered by the grid worker of its grid. The plate carries
 * only `qrToken` (random, ≤ 32 characters: a WeChat `scene`); a reprint moves the old token to
 * `revokedQrTokens` (a short tail, so a stale plate is told apart from a forged one). Where it sits
 * (grid → village → team, institution, district) is copied at registration so scope checks and
 * routing need no walk of the region tree.
 */
export const ZHouseholdDoc = z.object({
  _id: z.string().min(1),
  address: z.string(),
  gridId: z.string(),
  villageId: z.string(),
  /** The team serving the village: reports from this household go there. */
  teamId: z.string().optional(),
  institutionId: z.string().optional(),
  districtId: z.string(),
  qrToken: z.string(),
  qrIssuedAt: z.date(),
  /** Set once a sheet carrying the current token was printed. */
  qrPrintedAt: z.date().optional(),
  revokedQrTokens: z.array(z.string()).default([]),
  registeredByUserId: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date().optional(),
});
export type HouseholdDoc = z.infer<typeof ZHouseholdDoc>;
