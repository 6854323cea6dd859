import type { refer, TReferInput, TUpdateReferralInput, updateReferral } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { COLLECTIONS } from '@shared/constants/collections';
import type { ReferralDoc } from '@shared/db/schemas/referrals';
import { DEFAULT_SCHEDULE_CONFIG } from '@shared/schedule/config';
import { addDays, dayStart, shanghaiDay } from '@shared/time';
import { careStateInTx, saveCareStateInTx } from '../_data/careStates.repo';
import { dropTaskInTx, putTaskInTx } from '../_data/careTasks.repo';
import { enqueueInTx } from '../_data/outbox.repo';
import { addReferralInTx, referralsById, referralsInTx } from '../_data/referrals.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { recordId, referralView, withCare } from './support/care';

/**
 * Opens a referral. Up (to a hospital, green channel): the follow-up within 2 weeks is scheduled
 * (POLICY 001/000: referred 03-02 → due by 03-16) and the resident is reminded through the outbox.
 * Down (rehab take-over): the team's visit is scheduled. A pending referral suggestion is settled.
 */
export async function referHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TReferInput;
}): Promise<OutputOf<typeof refer>> {
  const cfg = DEFAULT_SCHEDULE_CONFIG;
  const today = shanghaiDay(ctx.now);
  const id = recordId('rf', input.residentId, ctx.now);
  const up = input.direction === 'up';
  const due = addDays(today, up ? cfg.referralFollowupDays : cfg.downReferralVisitDays);
  return withCare(ctx, input.residentId, async (t, s) => {
    const doc: ReferralDoc = {
      _id: id,
      residentId: s.residentId,
      teamId: s.teamId,
      day: today,
      at: ctx.now,
      direction: input.direction,
      hospital: input.hospital,
      reason: input.reason,
      urgency: input.urgency,
      ...(input.condition ? { condition: input.condition } : {}),
      status: 'open',
      followupDue: due,
      updatedAt: ctx.now,
      ...(ctx.caller.userId ? { byUserId: ctx.caller.userId } : {}),
    };
    await addReferralInTx(t, doc);
    await putTaskInTx(
      t,
      s,
      { kind: up ? 'followup.referral.2w' : 'visit.down_referral', start: today, end: due, ref: id },
      today,
      ctx.now,
    );
    if (up && s.chains.includes(`${s.residentId}:suggest.referral`)) {
      await dropTaskInTx(t, s, `${s.residentId}:suggest.referral`);
      delete s.suggestion;
    }
    // The reminder goes out a few days before the due-by day; its key dedupes a replay.
    await enqueueInTx(
      t,
      {
        _id: `care:${id}:followup`,
        kind: up ? 'care.referralFollowup' : 'care.downReferralVisit',
        to: { residentId: s.residentId },
        title: up ? '转诊后随访提醒' : '康复访视提醒',
        body: up
          ? `您的家庭医生团队将在${due}前对您进行转诊后随访，请保持电话畅通。`
          : `您的家庭医生团队将在${due}前上门进行康复访视。`,
        page: 'pages/health/index',
        sendAfter: dayStart(addDays(due, -3)),
        ref: { kind: 'referral', id },
      },
      ctx.now,
    );
    return referralView(doc);
  });
}

const NEXT: Record<string, readonly string[]> = {
  open: ['accepted', 'completed', 'cancelled'],
  accepted: ['completed', 'cancelled'],
};

/** Moves a referral on; cancelling one drops the follow-up it scheduled. */
export async function updateReferralHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TUpdateReferralInput;
}): Promise<OutputOf<typeof updateReferral>> {
  const stored = await referralsById(ctx.db, input.referralId);
  if (!stored) refuse('REFERRAL_NOT_FOUND');
  ctx.authorize({ residentId: stored.residentId, teamId: stored.teamId });
  return inTransaction(ctx.db, async (t) => {
    const r = await referralsInTx(t, input.referralId);
    if (!r) refuse('REFERRAL_NOT_FOUND');
    if (!(NEXT[r.status] ?? []).includes(input.status)) refuse('ILLEGAL_TRANSITION');
    const patch = {
      status: input.status,
      updatedAt: ctx.now,
      ...(input.note ? { statusNote: input.note } : {}),
    };
    await t.collection(COLLECTIONS.referrals).doc(r._id).update(patch);
    if (input.status === 'cancelled') {
      const s = await careStateInTx(t, r.residentId);
      const kind = r.direction === 'up' ? 'followup.referral.2w' : 'visit.down_referral';
      if (s) {
        await dropTaskInTx(t, s, `${r.residentId}:${kind}:${r._id}`);
        await saveCareStateInTx(t, s, ctx.now);
      }
    }
    return referralView({ ...r, ...patch } as ReferralDoc);
  });
}
