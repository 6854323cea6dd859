import type { me } from '@shared/api/user';
import * as residents from '../_data/residents.repo';
import * as staff from '../_data/staff.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { placeNameOf } from './support/residence';

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : undefined);

/** The caller's profile for 我的: masked ID and phone, consent version and withdrawal. */
export const meHandler: Handler<typeof me> = async ({ ctx }) => {
  const { caller, db } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const base = { userId, role: caller.role, verified: caller.role !== 'resident' || !!caller.residentId };
  if (caller.role === 'resident') {
    if (!caller.residentId) return base;
    const r = await residents.findById(db, caller.residentId, [
      'name',
      'idMasked',
      'mobileMasked',
      'consent',
      'villageId',
      'gridId',
      'address',
    ]);
    const residence = r?.villageId
      ? {
          villageId: r.villageId,
          ...(r.gridId ? { gridId: r.gridId } : {}),
          placeName: await placeNameOf(db, r.villageId, r.gridId),
          address: r.address ?? '',
        }
      : undefined;
    return {
      ...base,
      residentId: caller.residentId,
      name: r?.name,
      maskedIdNumber: r?.idMasked,
      maskedMobile: r?.mobileMasked,
      consentVersion: r?.consent?.version,
      consentedAt: iso(r?.consent?.at),
      consentWithdrawnAt: iso(r?.consent?.withdrawnAt),
      ...(residence ? { residence } : {}),
    };
  }
  // Where the staff member works comes from the resolved caller (no extra read).
  const place = {
    teamIds: caller.teamIds?.length ? [...caller.teamIds] : undefined,
    gridIds: caller.gridIds?.length ? [...caller.gridIds] : undefined,
    institutionId: caller.institutionId,
    districtId: caller.districtId,
  };
  // A district admin from configuration has no staff record.
  if (!caller.staffId) return { ...base, ...place };
  const s = await staff.findById(db, caller.staffId, ['name', 'mobileMasked']);
  return { ...base, ...place, staffId: caller.staffId, name: s?.name, maskedMobile: s?.mobileMasked };
};
