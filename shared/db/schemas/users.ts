import { z } from '../../api/zod';
import { ROLES } from '../../constants/roles';

/** The caller's write-limit window, kept on their own users document (read with the caller). */
export const ZWriteWindow = z.object({ start: z.number(), count: z.number().int().min(0) });
export type WriteWindow = z.infer<typeof ZWriteWindow>;

/** A family member an account acts for (a parent, a child) with the relation the account named. */
export const ZFamilyLink = z.object({
  residentId: z.string(),
  relation: z.string(),
  /** The client request that added the member: a retry answers with the member, not an error. */
  requestId: z.string().optional(),
});
export type FamilyLink = z.infer<typeof ZFamilyLink>;

/**
 * A `users` document: one per WeChat identity. `_id` is `u_<keyed hash of the openid>`
 * (userIdFor), so login and the guard read it with one document get.
 */
export const ZUserDoc = z.object({
  _id: z.string(),
  openid: z.string(),
  role: z.enum(ROLES),
  /** The person this account is (after real-name verification). */
  residentId: z.string().optional(),
  /** The staff record this account is bound to (staff roles). */
  staffId: z.string().optional(),
  family: z.array(ZFamilyLink).optional(),
  writes: ZWriteWindow.optional(),
  createdAt: z.date(),
});
export type UserDoc = z.infer<typeof ZUserDoc>;
