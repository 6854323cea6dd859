import type { confirm, reject, TConfirmContractInput, TRejectContractInput } from '@shared/api/contractStaff';
import type { OutputOf } from '@shared/api/define';
import { confirmContract, rejectContract } from '@shared/contract/transitions';
import { openCareForContract } from '../_data/careStates.repo';
import type { HandlerContext } from '../_lib/guard';
import { assertMayDecide, contractMessage, loadContract, must, repos } from './support/common';
import { transition } from './support/requests.tx';
import { contractView } from './support/view';

/**
 * The institution confirms (盖章后生效): pending → active with the term fixed now; the resident's
 * contract it replaces is superseded; the resident is notified through the outbox.
 * A first signing has nothing to supersede (a new request needs no live contract and the pending
 * index admits no second request), so only renewals and changes read the resident's contracts.
 */
export async function confirmHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TConfirmContractInput;
}): Promise<OutputOf<typeof confirm>> {
  const r = repos(ctx);
  const { contract, team } = await loadContract(ctx, r, input.contractId);
  await assertMayDecide(ctx, team);
  const by = ctx.caller.userId ?? '';
  // The same confirmation arriving twice (a double tap, a retry) answers with the confirmed contract.
  if (contract.status === 'active' && (contract as { confirmedBy?: string }).confirmedBy === by)
    return contractView(contract, ctx.now, team);
  const siblings = contract.kind === 'new' ? [] : await r.contracts.ofResident(contract.residentId);
  const { contract: next, superseded } = must(confirmContract(contract, { now: ctx.now, by, siblings }));
  const before = new Map(siblings.map((s) => [s._id, s]));
  await transition(ctx.db, contract, {
    expected: 'pending',
    patch: {
      status: 'active',
      confirmedAt: ctx.now,
      confirmedBy: by,
      ...(next.startDate !== undefined ? { startDate: next.startDate } : {}),
      ...(next.endDate !== undefined ? { endDate: next.endDate } : {}),
    },
    also: superseded.map((s) => ({
      id: s._id,
      expected: before.get(s._id)?.status ?? 'active',
      teamId: before.get(s._id)?.teamId ?? s.teamId,
      patch: {
        status: 'superseded' as const,
        ...(s.endDate !== undefined ? { endDate: s.endDate } : {}),
        ...(s.supersededAt !== undefined ? { supersededAt: s.supersededAt } : {}),
        ...(s.supersededBy !== undefined ? { supersededBy: s.supersededBy } : {}),
      },
    })),
    message: contractMessage(contract, 'confirmed', {
      title: '家庭医生签约已生效',
      body: `${contract.teamName}的家庭医生签约已生效，可在“我的签约”查看`,
      data: {
        name1: contract.residentName.slice(0, 10),
        thing2: contract.teamName.slice(0, 20),
        date3: next.startDate ?? '',
        thing4: '签约已生效，可在“我的签约”查看',
      },
    }),
    now: ctx.now,
  });
  await startCare(ctx, contract._id);
  return contractView({ ...contract, ...next }, ctx.now, team);
}

/** The institution refuses a pending request with a reason; the resident is told why. */
export async function rejectHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TRejectContractInput;
}): Promise<OutputOf<typeof reject>> {
  const r = repos(ctx);
  const { contract, team } = await loadContract(ctx, r, input.contractId);
  await assertMayDecide(ctx, team);
  const next = must(rejectContract(contract, { now: ctx.now, reason: input.reason }));
  await transition(ctx.db, contract, {
    expected: 'pending',
    patch: {
      status: 'rejected',
      rejectedAt: ctx.now,
      ...(next.rejectReason !== undefined ? { rejectReason: next.rejectReason } : {}),
    },
    message: contractMessage(contract, 'rejected', {
      title: '签约申请未通过',
      body: `签约未通过：${next.rejectReason ?? ''}`,
      data: {
        name1: contract.residentName.slice(0, 10),
        thing2: contract.teamName.slice(0, 20),
        date3: '',
        thing4: `签约未通过：${(next.rejectReason ?? '').slice(0, 12)}`,
      },
    }),
    now: ctx.now,
  });
  return contractView(next as typeof contract, ctx.now, team);
}

/**
 * Care hook (issue 13): the newly active contract puts the resident under care (quarterly contact,
 * chronic follow-ups). Idempotent and additive: a failure here never undoes the confirmation, and
 * the care function derives the state lazily on the resident's first care action.
 */
async function startCare(ctx: HandlerContext, contractId: string): Promise<void> {
  try {
    await openCareForContract(ctx.db, contractId, ctx.now);
  } catch (e) {
    console.error('[contract.confirm] care state not opened', e instanceof Error ? e.name : 'error');
  }
}
