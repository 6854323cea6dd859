import type { regions, setResidence } from '@shared/api/user';
import { childrenOf } from '../_data/regions.repo';
import * as residents from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { residenceFields, resolveResidence } from './support/residence';

/** One level of the region tree for the residence picker (reference data, public). */
export const regionsHandler: Handler<typeof regions> = async ({ ctx, input }) => {
  const rows = await childrenOf(ctx.db, input.parentId);
  return {
    regions: rows.map((r) => ({
      regionId: r._id,
      name: r.name,
      level: r.level,
      parentId: r.parentId ?? null,
    })),
  };
};

/**
 * Records where the caller or a family member lives: for residents verified before the question
 * was asked, or who moved. The target is the stored family link, never an id taken on trust.
 */
export const setResidenceHandler: Handler<typeof setResidence> = async ({ ctx, input }) => {
  const { caller, db } = ctx;
  if (!caller.residentId) refuse('NOT_VERIFIED');
  // Scope 'family': the caller themself or a member on their stored family list.
  ctx.authorize({ residentId: input.residentId });
  const place = await resolveResidence(db, input.residence);
  await residents.setResidence(db, input.residentId, residenceFields(place));
  return place;
};
