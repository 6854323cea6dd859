import type { eligibility, TEligibilityInput } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { messageFor } from '@shared/constants/messages';
import { requestContract } from '@shared/contract/transitions';
import * as regions from '../_data/regions.repo';
import type { SigningFacts as ResidentRecord } from '../_data/residents.repo';
import type { TeamRecord } from '../_data/teams.repo';
import type { Database } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { loadResident, repos } from './support/common';

/** Names of villages/communities (reference data; one request for a handful of ids). */
export async function placeNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const found = await regions.findByIds(db, ids, ['name']);
  return new Map([...found].map(([id, r]) => [id, r.name]));
}

/**
 * Why a resident may not choose a team because of where they live, in words naming the places
 * ("东门社区家庭医生团队只为东门社区的居民服务，您登记的居住地是西街社区"); undefined when the team
 * serves them. No residence on record → RESIDENCE_REQUIRED.
 */
export const placeRefusal = (
  team: Pick<TeamRecord, 'name' | 'serviceArea'>,
  villageId: string | undefined,
  names: ReadonlyMap<string, string>,
): { code: 'RESIDENCE_REQUIRED' | 'OUT_OF_JURISDICTION'; message: string } | undefined => {
  if (villageId === undefined)
    return { code: 'RESIDENCE_REQUIRED', message: messageFor('RESIDENCE_REQUIRED') };
  if (team.serviceArea.includes(villageId)) return undefined;
  const area = team.serviceArea.map((v) => names.get(v) ?? v).join('、');
  const home = names.get(villageId) ?? '';
  return {
    code: 'OUT_OF_JURISDICTION',
    message: `该团队只为${area}的居民服务${home ? `，您登记的居住地是${home}` : ''}，请选择为您居住地服务的团队`,
  };
};

/**
 * The signing preflight: the rules sign applies, answered as data. Reads: resident, team (cached),
 * place names, the team's live count and (for a new contract) the resident's contracts.
 */
export async function eligibilityHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TEligibilityInput;
}): Promise<OutputOf<typeof eligibility>> {
  const r = repos(ctx);
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  const resident: ResidentRecord = await loadResident(ctx, r, input.residentId, team);
  const names = await placeNames(ctx.db, [
    ...team.serviceArea,
    ...(resident.villageId !== undefined ? [resident.villageId] : []),
  ]);
  const place = placeRefusal(team, resident.villageId, names);
  if (place) return { eligible: false, ...place };
  if (input.mode === 'new') {
    const siblings = await r.contracts.ofResident(resident.residentId);
    const probe = requestContract({
      id: 'eligibility-probe',
      now: ctx.now,
      residentId: resident.residentId,
      teamId: team.teamId,
      institutionId: team.institutionId,
      packageIds: [],
      signedBy: ctx.caller.userId ?? '',
      siblings,
    });
    if (!probe.ok) return { eligible: false, code: probe.code, message: messageFor(probe.code) };
  }
  if ((await r.contracts.liveCount(team.teamId)) >= team.capacity)
    return { eligible: false, code: 'TEAM_FULL', message: messageFor('TEAM_FULL') };
  return { eligible: true };
}
