import type {
  TTerminateContractInput,
  TWithdrawContractInput,
  terminate,
  withdraw,
} from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { terminateContract, withdrawContract } from '@shared/contract/transitions';
import { closeCareInTx } from '../_data/careStates.repo';
import type { HandlerContext } from '../_lib/guard';
import { loadContract, must, repos } from './support/common';
import { transition } from './support/requests.tx';
import { contractView } from './support/view';

/** The resident withdraws a request before it is confirmed. */
export async function withdrawHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TWithdrawContractInput;
}): Promise<OutputOf<typeof withdraw>> {
  const r = repos(ctx);
  const { contract, team } = await loadContract(ctx, r, input.contractId);
  const next = must(withdrawContract(contract, { now: ctx.now }));
  await transition(ctx.db, contract, {
    expected: 'pending',
    patch: { status: 'withdrawn', withdrawnAt: ctx.now },
    now: ctx.now,
  });
  return contractView({ ...contract, ...next }, ctx.now, team);
}

/** Ends an active contract early with a reason (moved away, deceased, own request …). */
export async function terminateHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TTerminateContractInput;
}): Promise<OutputOf<typeof terminate>> {
  const r = repos(ctx);
  const { contract, team } = await loadContract(ctx, r, input.contractId);
  const next = must(
    terminateContract(contract, {
      now: ctx.now,
      reason: input.reason,
      ...(input.note !== undefined ? { note: input.note } : {}),
    }),
  );
  await transition(ctx.db, contract, {
    expected: 'active',
    patch: {
      status: 'terminated',
      terminatedAt: ctx.now,
      ...(next.terminationReason !== undefined ? { terminationReason: next.terminationReason } : {}),
      ...(next.terminationNote !== undefined ? { terminationNote: next.terminationNote } : {}),
    },
    // Off the doctor's worklists in the same transaction: no contact is owed any more.
    inTx: (t) => closeCareInTx(t, contract.residentId, contract._id, ctx.now),
    now: ctx.now,
  });
  return contractView({ ...contract, ...next }, ctx.now, team);
}
