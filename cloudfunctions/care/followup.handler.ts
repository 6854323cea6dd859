import type { recordFollowup, TRecordFollowupInput } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { followupResolves, SMI_UNSTABLE_LEVEL } from '@shared/care/plan';
import { DEFAULT_SCHEDULE_CONFIG } from '@shared/schedule/config';
import { diabetesNeedsReferral } from '@shared/schedule/rules';
import { addDays, shanghaiDay } from '@shared/time';
import { dropTaskInTx, putTaskInTx, taskInTx } from '../_data/careTasks.repo';
import { addContactInTx } from '../_data/contacts.repo';
import { addFollowupInTx } from '../_data/followups.repo';
import { referralsInTx } from '../_data/referrals.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { reachedInTx, recordId, rollInTx, withCare } from './support/care';

/**
 * Records a structured follow-up. In one transaction: the follow-up, a contact (a follow-up
 * reaches the resident), every task it resolves rolled on, and a referral suggestion when policy
 * asks for one (POLICY 001: a diabetic's two consecutive unsatisfactory glucose results; a severe
 * mental disorder patient assessed unstable, risk level ≥ 3).
 */
export async function recordFollowupHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TRecordFollowupInput;
}): Promise<OutputOf<typeof recordFollowup>> {
  const m = input.measurements;
  if (m.systolic !== undefined && m.diastolic !== undefined && m.systolic <= m.diastolic)
    refuse('IMPLAUSIBLE_VALUE');
  if (input.kind === 'referral' && !input.referralId) refuse('REFERRAL_NOT_FOUND');
  const today = shanghaiDay(ctx.now);
  const followupId = recordId('fu', input.residentId, ctx.now);
  return withCare(ctx, input.residentId, async (t, s) => {
    await addFollowupInTx(t, {
      _id: followupId,
      residentId: s.residentId,
      teamId: s.teamId,
      day: today,
      at: ctx.now,
      kind: input.kind,
      mode: input.mode,
      ...(input.riskLevel !== undefined ? { riskLevel: input.riskLevel } : {}),
      ...(input.referralId ? { referralId: input.referralId } : {}),
      measurements: m,
      ...(input.adherence ? { adherence: input.adherence } : {}),
      ...(input.supervisedDose !== undefined ? { supervisedDose: input.supervisedDose } : {}),
      ...(input.note ? { note: input.note } : {}),
      ...(ctx.caller.userId ? { byUserId: ctx.caller.userId } : {}),
    });
    await addContactInTx(t, {
      _id: `${followupId}_c`,
      residentId: s.residentId,
      teamId: s.teamId,
      day: today,
      at: ctx.now,
      channel: input.mode === 'phone' ? 'phone' : input.mode === 'home_visit' ? 'visit' : 'clinic',
      outcome: 'reached',
      followupId,
      ...(ctx.caller.userId ? { byUserId: ctx.caller.userId } : {}),
    });
    await reachedInTx(t, s, today, ctx.now);
    const resolved: string[] = ['contact.quarterly'];
    for (const kind of followupResolves({ ...input, measurements: m }))
      if ((await rollInTx(t, s, kind, today, ctx.now)) !== null) resolved.push(kind);

    if (input.kind === 'referral' && input.referralId) {
      const ref = await referralsInTx(t, input.referralId);
      if (!ref || ref.residentId !== s.residentId) refuse('REFERRAL_NOT_FOUND');
      await t.collection('referrals').doc(ref._id).update({ followedUpOn: today, updatedAt: ctx.now });
      const id = `${s.residentId}:followup.referral.2w:${ref._id}`;
      if (s.chains.includes(id)) {
        await dropTaskInTx(t, s, id);
        resolved.push('followup.referral.2w');
      }
    }
    if (input.kind === 'rehab' && input.mode !== 'phone')
      for (const id of s.chains.filter((c) => c.includes(':visit.down_referral:'))) {
        const cur = await taskInTx(t, id);
        if (cur && today >= cur.start) {
          await dropTaskInTx(t, s, id);
          resolved.push('visit.down_referral');
        }
      }

    let reason: string | undefined;
    if (input.kind === 'glucose_test' && m.glucose !== undefined) {
      s.recentGlucose = [...(s.recentGlucose ?? []), { day: today, value: m.glucose }].slice(-2);
      const asFollowups = s.recentGlucose.map((g, i) => ({
        _id: `g${i}`,
        residentId: s.residentId,
        teamId: s.teamId,
        day: g.day,
        kind: 'glucose_test' as const,
        mode: 'face_to_face' as const,
        measurements: { glucose: g.value },
      }));
      if (s.tags.includes('diabetes') && diabetesNeedsReferral(asFollowups))
        reason = '连续2次空腹血糖控制不满意';
    }
    if (input.kind === 'severe_mental' && input.riskLevel !== undefined) {
      s.lastRiskLevel = input.riskLevel;
      if (input.riskLevel >= SMI_UNSTABLE_LEVEL) reason = `危险性评估${input.riskLevel}级，病情不稳定`;
    }
    if (reason) {
      s.suggestion = { day: today, reason };
      await putTaskInTx(
        t,
        s,
        {
          kind: 'suggest.referral',
          start: today,
          end: addDays(today, DEFAULT_SCHEDULE_CONFIG.referralFollowupDays),
          extra: reason,
        },
        today,
        ctx.now,
      );
    }
    return { followupId, day: today, resolved, ...(reason ? { suggestion: { reason } } : {}) };
  });
}
