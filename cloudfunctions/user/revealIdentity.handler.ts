import type { revealIdentity } from '@shared/api/user';
import * as residents from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { decryptPii } from '../_lib/pii';

/**
 * The one full read of an ID number or phone: scope-checked on the resident's own record (team,
 * grid, institution), audited before the value leaves (who, which field, whose, when).
 */
export const revealIdentityHandler: Handler<typeof revealIdentity> = async ({ ctx, input }) => {
  const r =
    (await residents.findById(ctx.db, input.residentId, [
      'idEnc',
      'mobileEnc',
      'teamId',
      'gridId',
      'institutionId',
      'districtId',
    ])) ?? refuse('NOT_FOUND');
  ctx.authorize({
    residentId: r._id,
    teamId: r.teamId,
    gridId: r.gridId,
    institutionId: r.institutionId,
    districtId: r.districtId,
  });
  const sealed = input.field === 'idNumber' ? r.idEnc : r.mobileEnc;
  if (!sealed) refuse('NOT_FOUND');
  ctx.audit({ event: 'pii.read', subject: { residentId: r._id }, fields: [input.field] });
  return { value: decryptPii(sealed) };
};
