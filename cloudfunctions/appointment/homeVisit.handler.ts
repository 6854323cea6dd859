import { createHash } from 'node:crypto';
import type { acceptHomeVisit, declineHomeVisit, requestHomeVisit } from '@shared/api/appointment';
import { acceptHomeVisitRefusal, homeVisitEligible, shanghaiInstant } from '@shared/appointment';
import type { HomeVisitDoc } from '@shared/db/schemas/appointments';
import { DEFAULT_POPULATION_CONFIG } from '@shared/population/config';
import { shanghaiDay } from '@shared/time';
import * as appointments from '../_data/appointments.repo';
import * as contracts from '../_data/contracts.repo';
import * as residents from '../_data/residents.repo';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { newId } from './support/ids';
import { homeVisitView } from './support/view';

/**
 * A signed resident (or a family member, or the grid worker for someone in their grid) asks the
 * team for a home visit: elderly by age, disabled by tag, or bedridden as declared with a reason.
 */
export const requestHomeVisitHandler: Handler<typeof requestHomeVisit> = async ({ ctx, input }) => {
  const { db, now } = ctx;
  const resident =
    (await residents.findById(db, input.residentId, ['name', 'birthDate', 'tags', 'gridId'])) ??
    refuse('NOT_FOUND');
  ctx.authorize({ residentId: resident._id, ...(resident.gridId ? { gridId: resident.gridId } : {}) });
  const today = shanghaiDay(now);
  if (input.preferredDay < today) refuse('START_IN_PAST');
  const teamId = (await contracts.activeTeamOf(db, resident._id, now)) ?? refuse('NOT_SIGNED');
  if (!homeVisitEligible(input.need, resident, today, DEFAULT_POPULATION_CONFIG.elderlyMinAge))
    refuse('HOME_VISIT_NOT_ELIGIBLE');
  // With a request id the id is derived from it, so a double tap or a retry writes one request.
  const id =
    input.requestId !== undefined
      ? `hv_${createHash('sha256').update(`${resident._id}:${input.requestId}`).digest('hex').slice(0, 24)}`
      : newId('hv');
  const doc: HomeVisitDoc = {
    _id: id,
    type: 'home_visit',
    residentId: resident._id,
    teamId,
    need: input.need,
    preferredDay: input.preferredDay,
    address: input.address,
    reason: input.reason,
    status: 'requested',
    requestedAt: now,
    requestedByUserId: ctx.caller.userId ?? '',
  };
  try {
    await appointments.insertHomeVisit(db, doc);
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
    const same = (await appointments.findHomeVisit(db, id)) ?? refuse('CONFLICT');
    return homeVisitView(same, resident.name);
  }
  return homeVisitView(doc, resident.name);
};

async function loadForTeam(ctx: HandlerContext, id: string): Promise<HomeVisitDoc> {
  const h = (await appointments.findHomeVisit(ctx.db, id)) ?? refuse('HOME_VISIT_NOT_FOUND');
  ctx.authorize({ teamId: h.teamId });
  return h;
}

async function answer(ctx: HandlerContext, h: HomeVisitDoc, patch: Partial<HomeVisitDoc>) {
  if (!(await appointments.transitionHomeVisit(ctx.db, h._id, 'requested', patch)))
    refuse('ILLEGAL_TRANSITION');
  const r = await residents.findById(ctx.db, h.residentId, ['name', 'birthDate', 'tags', 'gridId']);
  return homeVisitView({ ...h, ...patch }, r?.name ?? '');
}

/** The team accepts with a day and a Shanghai time in the future. */
export const acceptHomeVisitHandler: Handler<typeof acceptHomeVisit> = async ({ ctx, input }) => {
  const h = await loadForTeam(ctx, input.homeVisitId);
  const visitAt = shanghaiInstant(input.visitDay, input.time);
  const code = acceptHomeVisitRefusal(h.status, visitAt, ctx.now);
  if (code) refuse(code);
  return answer(ctx, h, {
    status: 'accepted',
    visitAt,
    visitDay: input.visitDay,
    acceptedAt: ctx.now,
    acceptedByStaffId: ctx.caller.staffId ?? '',
  } as Partial<HomeVisitDoc>);
};

/** The team declines with a reason. */
export const declineHomeVisitHandler: Handler<typeof declineHomeVisit> = async ({ ctx, input }) => {
  const h = await loadForTeam(ctx, input.homeVisitId);
  if (h.status !== 'requested') refuse('ILLEGAL_TRANSITION');
  return answer(ctx, h, {
    status: 'declined',
    declinedAt: ctx.now,
    declineReason: input.reason,
    declinedByStaffId: ctx.caller.staffId ?? '',
  });
};
