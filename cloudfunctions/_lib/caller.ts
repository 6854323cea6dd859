import type { Caller } from '@shared/api/authorize';
import * as staffRepo from '../_data/staff.repo';
import * as users from '../_data/users.repo';
import { configuredDistrictOf } from './config';
import type { Database } from './db';
import { lookupHash } from './pii';
import type { WriteWindow } from './rateLimit';

export type { UserDoc } from '@shared/db/schemas/users';

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
  const user = await users.findById(db, userId, ['role', 'residentId', 'staffId', 'family', 'writes']);
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
  const staff = await staffRepo.findById(db, user.staffId, staffRepo.SCOPE_FIELDS);
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
