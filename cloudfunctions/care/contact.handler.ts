import type { recordContact, TRecordContactInput } from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import { visibleFrom } from '@shared/care/plan';
import { COLLECTIONS } from '@shared/constants/collections';
import type { TerminationReason } from '@shared/contract/model';
import { terminateContract } from '@shared/contract/transitions';
import type { CareStateDoc } from '@shared/db/schemas/careStates';
import { lockId } from '@shared/db/schemas/locks';
import { addDays, shanghaiDay } from '@shared/time';
import { endCareInTx } from '../_data/careStates.repo';
import { patchTaskInTx, taskInTx } from '../_data/careTasks.repo';
import { addContactInTx } from '../_data/contacts.repo';
import * as contracts from '../_data/contracts.repo';
import * as locks from '../_data/locks.repo';

import type { Tx } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { reachedInTx, recordId, withCare } from './support/care';

// Removal reasons that end the contract, and the contract's termination reason for each.
const ENDS_CONTRACT: Partial<Record<string, { reason: TerminationReason; note?: string }>> = {
  deceased: { reason: 'deceased' },
  moved_away: { reason: 'moved_away' },
  transferred: { reason: 'other', note: '转出至其他机构' },
};

/**
 * Records a contact and its outcome (Simple.org call results) in one transaction with the care
 * state: reached → the quarterly contact rolls to next quarter and the coverage counters move;
 * call later → the task comes back on the call-back day; not reachable → an attempt is counted;
 * removed → a reason is required, every open task closes, and death, moving away or transfer end
 * the contract (wrong number flags the resident's phone instead).
 */
export async function recordContactHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TRecordContactInput;
}): Promise<OutputOf<typeof recordContact>> {
  if (input.outcome === 'removed' && !input.removalReason) refuse('REMOVAL_REASON_REQUIRED');
  if (input.outcome === 'call_later' && !input.callBackDays) refuse('BAD_INPUT');
  const today = shanghaiDay(ctx.now);
  const contactId = recordId('ct', input.residentId, ctx.now);
  return withCare(ctx, input.residentId, async (t, s) => {
    const callBackDay = input.outcome === 'call_later' ? addDays(today, input.callBackDays ?? 1) : undefined;
    await addContactInTx(t, {
      _id: contactId,
      residentId: s.residentId,
      teamId: s.teamId,
      day: today,
      at: ctx.now,
      channel: input.channel,
      outcome: input.outcome,
      ...(callBackDay ? { callBackDay } : {}),
      ...(input.removalReason ? { removalReason: input.removalReason } : {}),
      ...(input.note ? { note: input.note } : {}),
      ...(ctx.caller.staffId ? { byStaffId: ctx.caller.staffId } : {}),
      ...(ctx.caller.userId ? { byUserId: ctx.caller.userId } : {}),
    });
    const base = { contactId, day: today, outcome: input.outcome, removed: false, contractEnded: false };
    const chain = `${s.residentId}:contact.quarterly`;
    switch (input.outcome) {
      case 'reached': {
        const nextDue = await reachedInTx(t, s, today, ctx.now);
        return { ...base, ...(nextDue ? { nextDue } : {}) };
      }
      case 'call_later': {
        if (s.chains.includes(chain) && callBackDay)
          await patchTaskInTx(t, chain, {
            callBack: callBackDay,
            from: visibleFrom('0000-01-01', callBackDay),
          });
        return { ...base, ...(callBackDay ? { nextDue: callBackDay } : {}) };
      }
      case 'unreachable': {
        const cur = s.chains.includes(chain) ? await taskInTx(t, chain) : undefined;
        if (cur) await patchTaskInTx(t, chain, { attempts: (cur.attempts ?? 0) + 1 });
        return base;
      }
      default: {
        const ended = await removeInTx(t, s, input.removalReason ?? 'wrong_number', input.note, ctx);
        return { ...base, removed: true, contractEnded: ended };
      }
    }
  });
}

/** Takes a resident off every list; returns true when the contract ended. */
async function removeInTx(
  t: Tx,
  s: CareStateDoc,
  reason: NonNullable<CareStateDoc['removedReason']>,
  note: string | undefined,
  ctx: HandlerContext,
): Promise<boolean> {
  await endCareInTx(t, s, reason, ctx.now);
  if (note) s.removedNote = note;
  const today = shanghaiDay(ctx.now);
  if (reason === 'wrong_number') {
    await t.collection(COLLECTIONS.residents).doc(s.residentId).update({ mobileInvalid: true });
    return false;
  }
  if (reason === 'deceased')
    await t.collection(COLLECTIONS.residents).doc(s.residentId).update({ deceasedOn: today });
  const end = ENDS_CONTRACT[reason];
  const contract = await contracts.getInTx(t, s.contractId);
  if (!end || !contract) return false;
  const r = terminateContract(contract, {
    now: ctx.now,
    reason: end.reason,
    ...(end.note ? { note: end.note } : {}),
  });
  if (!r.ok) return false;
  await contracts.updateInTx(t, s.contractId, {
    status: r.value.status,
    terminatedAt: ctx.now,
    terminationReason: end.reason,
    ...(end.note ? { terminationNote: end.note } : {}),
  });
  // The place in the team is free again (the contract function's seats counter, docs/data.md).
  const seats = lockId.seats(contract.teamId);
  const held = await locks.countInTx(t, seats);
  if (held !== undefined)
    await locks.setCountInTx(t, seats, {
      kind: 'seats',
      ref: contract.teamId,
      count: held - 1,
      now: ctx.now,
    });
  return true;
}
