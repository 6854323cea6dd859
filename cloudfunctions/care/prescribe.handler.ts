import type { prescribeLong, TPrescribeLongInput } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { SMI_UNSTABLE_LEVEL } from '@shared/care/plan';
import { DEFAULT_SCHEDULE_CONFIG } from '@shared/schedule/config';
import { checkLongPrescription } from '@shared/schedule/rules';
import { addDays, dayStart, maxDay, shanghaiDay } from '@shared/time';
import { dropTaskInTx, putTaskInTx, taskInTx } from '../_data/careTasks.repo';
import { enqueueInTx } from '../_data/outbox.repo';
import { addPrescriptionInTx } from '../_data/prescriptions.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { recordId, withCare } from './support/care';

/**
 * A long prescription (POLICY 004: up to 2 months, stable chronic patients). Refused when the
 * term is too long, the resident does not have the condition, or they are not stable: a referral
 * suggestion is pending, or (severe mental disorder) the last risk level is 3 or above / missing.
 * Schedules the refill task and its reminder; a refill in the window resolves the previous one.
 */
export async function prescribeLongHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TPrescribeLongInput;
}): Promise<OutputOf<typeof prescribeLong>> {
  const cfg = DEFAULT_SCHEDULE_CONFIG;
  const today = shanghaiDay(ctx.now);
  const startDay = input.startDay ?? today;
  if (startDay < today) refuse('START_IN_PAST');
  if (input.endDay < startDay) refuse('BAD_INPUT');
  const rule = checkLongPrescription({ startDay, endDay: input.endDay });
  if (!rule.ok) refuse(rule.code);
  const id = recordId('rx', input.residentId, ctx.now);
  return withCare(ctx, input.residentId, async (t, s) => {
    const stable =
      s.tags.includes(input.condition) &&
      s.suggestion === undefined &&
      (input.condition !== 'severe_mental' ||
        (s.lastRiskLevel !== undefined && s.lastRiskLevel < SMI_UNSTABLE_LEVEL));
    if (!stable) refuse('NOT_STABLE_CHRONIC');
    await addPrescriptionInTx(t, {
      _id: id,
      residentId: s.residentId,
      teamId: s.teamId,
      startDay,
      endDay: input.endDay,
      long: true,
      condition: input.condition,
      drugs: input.drugs,
      at: ctx.now,
      ...(ctx.caller.userId ? { byUserId: ctx.caller.userId } : {}),
    });
    for (const chain of s.chains.filter((c) => c.includes(':prescription.refill:'))) {
      const cur = await taskInTx(t, chain);
      if (cur && startDay >= cur.start && startDay <= addDays(cur.end, 1)) await dropTaskInTx(t, s, chain);
    }
    const refillStart = maxDay(addDays(input.endDay, -cfg.refillLeadDays), startDay);
    await putTaskInTx(
      t,
      s,
      {
        kind: 'prescription.refill',
        start: refillStart,
        end: input.endDay,
        ref: id,
      },
      today,
      ctx.now,
    );
    await enqueueInTx(
      t,
      {
        _id: `care:${id}:refill`,
        kind: 'care.prescriptionRefill',
        to: { residentId: s.residentId },
        title: '长处方续方提醒',
        body: `您的长期处方将于${input.endDay}用完，请按时复诊续方。`,
        page: 'pages/health/index',
        sendAfter: dayStart(refillStart),
        ref: { kind: 'prescription', id },
      },
      ctx.now,
    );
    return {
      prescriptionId: id,
      residentId: s.residentId,
      condition: input.condition,
      drugs: input.drugs,
      startDay,
      endDay: input.endDay,
    };
  });
}
