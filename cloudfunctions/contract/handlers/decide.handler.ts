import type { confirm, reject, TConfirmContractInput, TRejectContractInput } from '@shared/api/contractStaff';
import type { OutputOf } from '@shared/api/define';
import { confirmContract, rejectContract } from '@shared/contract/transitions';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { contractView } from '../view';
import { assertMayDecide, loadContract, must, repos } from './common';

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
  const won = await r.contracts.transition(contract._id, 'pending', {
    status: 'active',
    confirmedAt: ctx.now,
    confirmedBy: by,
    ...(next.startDate !== undefined ? { startDate: next.startDate } : {}),
    ...(next.endDate !== undefined ? { endDate: next.endDate } : {}),
  });
  if (!won) refuse('ILLEGAL_TRANSITION');
  const before = new Map(siblings.map((s) => [s._id, s.status]));
  for (const s of superseded)
    await r.contracts.transition(s._id, before.get(s._id) ?? 'active', {
      status: 'superseded',
      ...(s.endDate !== undefined ? { endDate: s.endDate } : {}),
      ...(s.supersededAt !== undefined ? { supersededAt: s.supersededAt } : {}),
      ...(s.supersededBy !== undefined ? { supersededBy: s.supersededBy } : {}),
    });
  await r.outbox.enqueue({
    dedupeKey: `contract-confirmed-${contract._id}`,
    template: 'contractConfirmed',
    residentId: contract.residentId,
    data: {
      name1: contract.residentName.slice(0, 10),
      thing2: contract.teamName.slice(0, 20),
      date3: next.startDate ?? '',
      thing4: '签约已生效，可在“我的签约”查看',
    },
    page: 'pages/contract/index',
    now: ctx.now,
  });
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
  const won = await r.contracts.transition(contract._id, 'pending', {
    status: 'rejected',
    rejectedAt: ctx.now,
    ...(next.rejectReason !== undefined ? { rejectReason: next.rejectReason } : {}),
  });
  if (!won) refuse('ILLEGAL_TRANSITION');
  await r.outbox.enqueue({
    dedupeKey: `contract-rejected-${contract._id}`,
    template: 'contractConfirmed',
    residentId: contract.residentId,
    data: {
      name1: contract.residentName.slice(0, 10),
      thing2: contract.teamName.slice(0, 20),
      date3: '',
      thing4: `签约未通过：${(next.rejectReason ?? '').slice(0, 12)}`,
    },
    page: 'pages/contract/index',
    now: ctx.now,
  });
  return contractView(next as typeof contract, ctx.now, team);
}
