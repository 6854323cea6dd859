import type { Target } from '@shared/api/authorize';
import type { TMemberView } from '@shared/api/grid';
import { COLLECTIONS } from '@shared/constants/collections';
import type { HouseholdDoc } from '@shared/db/schemas/households';
import * as households from '../../_data/households.repo';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { membersOf, regionName, signedResidents, staffName, teamName } from './lookups';
import { memberView } from './views';

/** Who acted, as reports record it (name kept so a list never joins staff). */
export async function actorOf(
  ctx: HandlerContext,
): Promise<{ userId: string; staffId?: string; name: string }> {
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  const name = (await staffName(ctx.db, ctx.caller.staffId)) || '工作人员';
  return { userId, ...(ctx.caller.staffId ? { staffId: ctx.caller.staffId } : {}), name };
}

/** The scope target of a household, from the stored document. */
export const householdTarget = (
  h: Pick<HouseholdDoc, 'gridId' | 'teamId' | 'institutionId' | 'districtId'>,
): Target => ({
  gridId: h.gridId,
  ...(h.teamId ? { teamId: h.teamId } : {}),
  ...(h.institutionId ? { institutionId: h.institutionId } : {}),
  districtId: h.districtId,
});

/** Loads a household and checks the caller reaches it. */
export async function loadHousehold(ctx: HandlerContext, id: string): Promise<HouseholdDoc> {
  const h = (await households.getById(ctx.db, id)) ?? refuse('NOT_FOUND');
  ctx.authorize(householdTarget(h));
  return h;
}

/** The household card: address, grid, team, and the members masked with their signing status. */
export async function householdCard(ctx: HandlerContext, h: HouseholdDoc) {
  const [members, gridName, tName] = await Promise.all([
    membersOf(ctx.db, h._id),
    regionName(ctx.db, h.gridId),
    h.teamId ? teamName(ctx.db, h.teamId) : Promise.resolve(undefined),
  ]);
  const signed = await signedResidents(
    ctx.db,
    members.map((m) => m._id),
    ctx.now,
  );
  const views: TMemberView[] = members
    .map((m) => memberView(m, signed.has(m._id), ctx.now))
    .sort((a, b) => Number(a.movedOut) - Number(b.movedOut));
  return {
    householdId: h._id,
    address: h.address,
    gridId: h.gridId,
    gridName,
    ...(tName ? { teamName: tName } : {}),
    members: views,
  };
}

export const residentsColl = (ctx: HandlerContext) => ctx.db.collection(COLLECTIONS.residents);
