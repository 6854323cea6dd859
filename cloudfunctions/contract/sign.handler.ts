import type { sign, TSignContractInput } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { signingChannel } from '@shared/contract/channel';
import { requestContract } from '@shared/contract/transitions';
import { quotePackages } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import { tagsOn } from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { contractIdFor, loadResident, must, repos } from './support/common';
import { sealAndOpen } from './support/submit';
import { contractView } from './support/view';

/**
 * A new contract request → pending. Everything stored is recomputed here: the fee from the
 * packages, the status, the dates, the channel from the caller; the client sends only choices.
 * Database requests (warm instance): resident, the resident's contracts, the team's live count,
 * the insert — plus the guard's caller and rate-limit reads.
 */
export async function signHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TSignContractInput;
}): Promise<OutputOf<typeof sign>> {
  const r = repos(ctx);
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  const resident = await loadResident(ctx, r, input.residentId, team);
  const channel =
    signingChannel(ctx.caller.role, ctx.caller.residentId, resident.residentId) ?? refuse('FORBIDDEN');
  const pkgs = (await r.packages.pick(input.packageIds)) ?? refuse('PACKAGE_NOT_FOUND');
  const fee = must(quotePackages(pkgs, tagsOn(resident, shanghaiDay(ctx.now))));
  const id = contractIdFor(resident.residentId, input.requestId);
  const siblings = await r.contracts.ofResident(resident.residentId);
  const retried = siblings.find((s) => s._id === id);
  if (retried) return contractView(retried, ctx.now, team);
  const requested = requestContract({
    id,
    now: ctx.now,
    residentId: resident.residentId,
    teamId: team.teamId,
    institutionId: team.institutionId,
    packageIds: input.packageIds,
    signedBy: ctx.caller.userId ?? '',
    ...(input.requestedStart !== undefined ? { requestedStart: input.requestedStart } : {}),
    siblings,
  });
  // One open request per resident: the same answer whether the read saw it or the index did.
  if (!requested.ok && requested.code === 'ALREADY_PENDING') refuse('CONTRACT_EXISTS');
  const contract = must(requested);
  return sealAndOpen(ctx, r, {
    contract,
    requestId: input.requestId,
    channel,
    resident,
    team,
    fee,
    signatureFileId: input.signatureFileId,
  });
}
