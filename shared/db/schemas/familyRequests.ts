import { z } from '../../api/zod';

export const FAMILY_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;

/**
 * A `familyRequests` document: someone asked to act for a person who has an account of their own
 * (issue 11). Nothing is linked until that person accepts in their own app; a child or elderly
 * parent without an account is added directly. `_id` = `fr_<hash of requester user + resident>`,
 * so asking again reuses one document.
 */
export const ZFamilyRequestDoc = z.object({
  _id: z.string(),
  requesterUserId: z.string(),
  /** Shown to the person asked (the requester chose to reveal it by asking). */
  requesterName: z.string(),
  residentId: z.string(),
  relation: z.string(),
  status: z.enum(FAMILY_REQUEST_STATUSES),
  createdAt: z.date(),
  answeredAt: z.date().optional(),
});
export type FamilyRequestDoc = z.infer<typeof ZFamilyRequestDoc>;
