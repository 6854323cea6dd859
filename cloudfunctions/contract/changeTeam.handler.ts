import type { changeTeam, TChangeTeamInput } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { signingChannel } from '@shared/contract/channel';
import { requestTeamChange } from '@shared/contract/transitions';
import { quotePackages } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import { tagsOn } from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { contractIdFor, loadContract, loadResident, must, repos } from './support/common';
import { sealAndOpen } from './support/submit';
import { contractView } from './support/view';

/** Signing again with another team (POLICY: changing team means re-signing); the old one ends on confirmation. */
export async function changeTeamHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TChangeTeamInput;
}): Promise<OutputOf<typeof changeTeam>> {
  const r = repos(ctx);
  const { contract: source } = await loadContract(ctx, r, input.contractId);
  const resident = await loadResident(ctx, r, source.residentId);
  const channel =
    signingChannel(ctx.caller.role, ctx.caller.residentId, resident.residentId) ?? refuse('FORBIDDEN');
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  const pkgs = (await r.packages.pick(input.packageIds)) ?? refuse('PACKAGE_NOT_ELIGIBLE');
  const fee = must(quotePackages(pkgs, tagsOn(resident, shanghaiDay(ctx.now))));
  const id = contractIdFor(resident.residentId, input.requestId);
  const siblings = await r.contracts.ofResident(resident.residentId);
  const retried = siblings.find((s) => s._id === id);
  if (retried) return contractView(retried, ctx.now, team);
  const contract = must(
    requestTeamChange(source, {
      id,
      now: ctx.now,
      residentId: resident.residentId,
      teamId: team.teamId,
      institutionId: team.institutionId,
      packageIds: input.packageIds,
      signedBy: ctx.caller.userId ?? '',
      ...(input.requestedStart !== undefined ? { requestedStart: input.requestedStart } : {}),
      siblings,
    }),
  );
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
