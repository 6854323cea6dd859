import type { renew, TRenewContractInput } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { signingChannel } from '@shared/contract/channel';
import { requestRenewal } from '@shared/contract/transitions';
import { quotePackages } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import { tagsOn } from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { contractIdFor, loadContract, loadResident, must, repos, sealRequest } from './support/common';
import { openRequest } from './support/requests.tx';
import { contractView } from './support/view';

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
  // A renewal keeps the resident's place with the same team: counted, never refused for capacity.
  return contractView(await openRequest(ctx.db, doc, { now: ctx.now }), ctx.now, team);
}
