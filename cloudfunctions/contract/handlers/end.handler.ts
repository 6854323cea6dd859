import type {
  TTerminateContractInput,
  TWithdrawContractInput,
  terminate,
  withdraw,
} from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { terminateContract, withdrawContract } from '@shared/contract/transitions';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { contractView } from '../view';
import { loadContract, must, repos } from './common';

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
  if (!(await r.contracts.transition(contract._id, 'pending', { status: 'withdrawn', withdrawnAt: ctx.now })))
    refuse('ILLEGAL_TRANSITION');
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
  const won = await r.contracts.transition(contract._id, 'active', {
    status: 'terminated',
    terminatedAt: ctx.now,
    ...(next.terminationReason !== undefined ? { terminationReason: next.terminationReason } : {}),
    ...(next.terminationNote !== undefined ? { terminationNote: next.terminationNote } : {}),
  });
  if (!won) refuse('ILLEGAL_TRANSITION');
  return contractView({ ...contract, ...next }, ctx.now, team);
}
