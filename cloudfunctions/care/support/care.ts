import { CARE_TASK_LABELS, nextCycleWindow, taskState } from '@shared/care/plan';
import type { CareStateDoc } from '@shared/db/schemas/careStates';
import type { CareTaskDoc } from '@shared/db/schemas/careTasks';
import type { ReferralDoc } from '@shared/db/schemas/referrals';
import { type Day, quarterOf } from '@shared/time';
import { bumpInTx, unitKeys } from '../../_data/careCounters.repo';
import { careStateInTx, ensureCare, saveCareStateInTx } from '../../_data/careStates.repo';
import { putTaskInTx, taskInTx } from '../../_data/careTasks.repo';
import { inTransaction, type Tx } from '../../_lib/db';
import { ActionError } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';

/**
 * Runs `work` in a transaction on the resident's care state, after checking the caller's reach
 * on the stored state (team, or the resident themself). A resident signed before the care function
 * existed gets their state lazily (bounded) and the work runs again once. The state is saved
 * after `work` returns.
 */
export async function withCare<T>(
  ctx: HandlerContext,
  residentId: string,
  work: (t: Tx, s: CareStateDoc) => Promise<T>,
): Promise<T> {
  const run = () =>
    inTransaction(ctx.db, async (t) => {
      const s = await careStateInTx(t, residentId);
      if (!s) throw new ActionError('NOT_FOUND');
      ctx.authorize({ residentId, teamId: s.teamId });
      if (s.status !== 'active') throw new ActionError('NOT_UNDER_CARE');
      const out = await work(t, s);
      await saveCareStateInTx(t, s, ctx.now);
      return out;
    });
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof ActionError) || e.code !== 'NOT_FOUND') throw e;
    if (!(await ensureCare(ctx.db, residentId, ctx.now))) {
      // Not under care: still check reach so an outsider learns nothing more than OUT_OF_SCOPE.
      ctx.authorize({ residentId });
      throw new ActionError('NOT_UNDER_CARE');
    }
    return run();
  }
}

/**
 * A contact that reached the resident: resolves the quarterly contact (window rolls to the next
 * quarter) and, if it is their first this quarter, adds them to the units' contacted counters.
 * Returns the next due day of the quarterly contact.
 */
export async function reachedInTx(t: Tx, s: CareStateDoc, today: Day, now: Date): Promise<Day | undefined> {
  const q = quarterOf(today).key;
  if (s.lastContactQuarter !== q)
    await bumpInTx(
      t,
      unitKeys(s).map((u) => `${u}:${q}`),
      'contacted',
      1,
      now,
    );
  s.lastContactDay = today;
  s.lastContactQuarter = q;
  return (await rollInTx(t, s, 'contact.quarterly', today, now)) ?? undefined;
}

/**
 * Resolves a cycle chain by a record on `today`: once its window has opened, the window moves to
 * the period after today's (cut to the term) or the chain closes when the term ends first.
 * Returns the new window's first day, or the current one if the record came before it opened.
 */
export async function rollInTx(
  t: Tx,
  s: CareStateDoc,
  kind: string,
  today: Day,
  now: Date,
): Promise<Day | null> {
  const id = `${s.residentId}:${kind}`;
  if (!s.chains.includes(id)) return null;
  const cur = await taskInTx(t, id);
  if (!cur) {
    s.chains = s.chains.filter((c) => c !== id);
    return null;
  }
  if (today < cur.start) return cur.start;
  const next = nextCycleWindow(kind, today, s.term);
  if (!next) {
    await t.collection('careTasks').doc(id).delete();
    s.chains = s.chains.filter((c) => c !== id);
    return null;
  }
  await putTaskInTx(t, s, { kind, ...next }, today, now);
  return next.start;
}

/** A task as a worklist line or a plan item. */
export const workItem = (d: CareTaskDoc, today: Day) => ({
  taskId: d._id,
  residentId: d.residentId,
  nameMasked: d.nameMasked,
  kind: d.kind,
  kindLabel: CARE_TASK_LABELS[d.kind] ?? d.kind,
  reason: d.reason,
  start: d.start,
  end: d.end,
  ...taskState(d, today),
  ...(d.callBack ? { callBack: d.callBack } : {}),
  attempts: d.attempts ?? 0,
});

export const planItem = (d: CareTaskDoc, today: Day) => {
  const w = workItem(d, today);
  return {
    kind: w.kind,
    kindLabel: w.kindLabel,
    reason: w.reason,
    start: w.start,
    end: w.end,
    state: w.state,
    daysLeft: w.daysLeft,
  };
};

export const referralView = (r: ReferralDoc) => ({
  referralId: r._id,
  residentId: r.residentId,
  day: r.day,
  direction: r.direction,
  hospital: r.hospital,
  reason: r.reason,
  urgency: r.urgency,
  status: r.status,
  followupDue: r.followupDue,
  ...(r.followedUpOn ? { followedUpOn: r.followedUpOn } : {}),
});

/** A record id unique per resident and instant (a replay within the same millisecond is the same record). */
export const recordId = (prefix: string, residentId: string, now: Date): string =>
  `${prefix}_${residentId}_${now.getTime().toString(36)}`;
