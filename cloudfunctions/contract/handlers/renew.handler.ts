import type { renew, TRenewContractInput } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { signingChannel } from '@shared/contract/channel';
import { requestRenewal } from '@shared/contract/transitions';
import { quotePackages } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { tagsOn } from '../repositories/residents';
import { contractView } from '../view';
import { contractIdFor, insertRequest, loadContract, loadResident, must, repos, sealRequest } from './common';

/** Renewal with the same team inside the window (30 days before to 30 days after the end). */
export async function renewHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TRenewContractInput;
}): Promise<OutputOf<typeof renew>> {
  const r = repos(ctx);
  const { contract: source, team: maybeTeam } = await loadContract(ctx, r, input.contractId);
  const team = maybeTeam ?? refuse('TEAM_NOT_FOUND');
  const resident = await loadResident(ctx, r, source.residentId);
  const channel =
    signingChannel(ctx.caller.role, ctx.caller.residentId, resident.residentId) ?? refuse('FORBIDDEN');
  const packageIds = input.packageIds ?? source.packageIds;
  const pkgs = (await r.packages.pick(packageIds)) ?? refuse('PACKAGE_NOT_ELIGIBLE');
  const fee = must(quotePackages(pkgs, tagsOn(resident, shanghaiDay(ctx.now))));
  const id = contractIdFor(resident.residentId, input.requestId);
  const siblings = await r.contracts.ofResident(resident.residentId);
  const retried = siblings.find((s) => s._id === id);
  if (retried) return contractView(retried, ctx.now, team);
  const contract = must(
    requestRenewal(source, { id, now: ctx.now, signedBy: ctx.caller.userId ?? '', siblings, packageIds }),
  );
  const doc = await sealRequest(r, {
    contract,
    requestId: input.requestId,
    channel,
    resident,
    team,
    fee,
    signatureFileId: input.signatureFileId,
    now: ctx.now,
  });
  return contractView(await insertRequest(r, doc), ctx.now, team);
}
