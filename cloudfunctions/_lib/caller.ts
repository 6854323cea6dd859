import type { Caller } from '@shared/api/authorize';
import { COLLECTIONS } from '@shared/constants/collections';
import type { Role, StaffRole } from '@shared/constants/roles';
import { configuredDistrictOf } from './config';
import type { Database } from './db';
import { lookupHash } from './pii';
import type { WriteWindow } from './rateLimit';

/** A `users` document: one per WeChat identity, keyed by a keyed hash of the openid. */
export type UserDoc = {
  _id: string;
  openid: string;
  role: Role;
  residentId?: string;
  staffId?: string;
  family?: { residentId: string; relation: string; requestId?: string }[];
  /** The caller's current write-limit window (see takeUserToken). */
  writes?: WriteWindow;
  createdAt: Date;
};

/** A `staff` document as far as the guard needs it. */
export type StaffScopeDoc = {
  _id: string;
  role: StaffRole;
  openid?: string | null;
  teamIds?: string[];
  gridIds?: string[];
  institutionId?: string;
  districtId?: string;
};

/**
 * The shared Caller plus the staff record it came from (profile look-ups need it) and, for a
 * caller with a `users` document, its write window — read here so the limit costs no extra read.
 */
export type ResolvedCaller = Caller & { staffId?: string; hasUserDoc?: boolean; writes?: WriteWindow };

/**
 * The user id of an openid. Deterministic, so login and the guard read the user with one
 * document get and a first login can `set` without a race creating two users.
 */
export const userIdFor = (openid: string): string => `u_${lookupHash('openid', openid).slice(0, 32)}`;

/**
 * Resolves who is calling from the database: one read for residents and guests, two for staff
 * (their team, grid and institution live on the staff record, changed by admins). A user whose
 * staff record no longer names their openid (unbound, reassigned) is treated as a guest.
 */
export async function resolveCaller(db: Database, openid: string): Promise<ResolvedCaller> {
  const userId = userIdFor(openid);
  const district = configuredDistrictOf(openid);
  if (district) return { role: 'district_admin', userId, districtId: district };
  const { data } = await db
    .collection(COLLECTIONS.users)
    .doc(userId)
    .field({ role: true, residentId: true, staffId: true, family: true, writes: true })
    .get();
  const user = (data as Partial<UserDoc>[])[0];
  if (!user?.role) return { role: 'guest' };
  const limitState = { hasUserDoc: true, ...(user.writes ? { writes: user.writes } : {}) };
  if (user.role === 'resident') {
    return {
      ...limitState,
      role: 'resident',
      userId,
      residentId: user.residentId,
      familyResidentIds: (user.family ?? []).map((f) => f.residentId),
    };
  }
  if (!user.staffId) return { role: 'guest' };
  const staff = (
    await db
      .collection(COLLECTIONS.staff)
      .doc(user.staffId)
      .field({
        role: true,
        openid: true,
        teamIds: true,
        gridIds: true,
        institutionId: true,
        districtId: true,
      })
      .get()
  ).data[0] as StaffScopeDoc | undefined;
  if (!staff || staff.openid !== openid) return { role: 'guest' };
  return {
    ...limitState,
    role: staff.role,
    userId,
    staffId: staff._id,
    teamIds: staff.teamIds ?? [],
    gridIds: staff.gridIds ?? [],
    institutionId: staff.institutionId,
    districtId: staff.districtId,
  };
}
