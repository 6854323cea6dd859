import { z } from '../../api/zod';
import { STAFF_ROLES, TEAM_POSITIONS } from '../../constants/roles';

/**
 * A `staff` document. The mobile is sealed; the bind code exists only as a keyed hash while the
 * account waits to be bound. Uniqueness of the mobile and of a live bind code is held by lock
 * documents (`locks/staffMobile_<hash>`, `locks/bindCode_<hash>`), not by indexes.
 */
export const ZStaffDoc = z.object({
  _id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  position: z.enum(TEAM_POSITIONS).optional(),
  institutionId: z.string().optional(),
  districtId: z.string().optional(),
  teamIds: z.array(z.string()).default([]),
  gridIds: z.array(z.string()).default([]),
  mobileEnc: z.string().optional(),
  mobileHash: z.string().optional(),
  mobileMasked: z.string().optional(),
  /** The bound WeChat identity; null or absent until bound. */
  openid: z.string().nullable().optional(),
  bindCodeHash: z.string().optional(),
  bindExpiresAt: z.date().optional(),
  boundAt: z.date().optional(),
  createdBy: z.string().optional(),
  createdAt: z.date(),
});
export type StaffDoc = z.infer<typeof ZStaffDoc>;
