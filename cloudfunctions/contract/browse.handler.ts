import type {
  listTeams,
  quote,
  TListTeamsInput,
  TQuoteInput,
  TTeamDetailInput,
  teamDetail,
} from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { messageFor } from '@shared/constants/messages';
import { type ResidentPlace, rankTeams } from '@shared/contract/ranking';
import { quotePackages } from '@shared/fees/split';
import { shanghaiDay } from '@shared/time';
import { tagsOn } from '../_data/residents.repo';
import type { TeamRecord } from '../_data/teams.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { placeNames, placeRefusal } from './eligibility.handler';
import { loadResident, must, repos } from './support/common';

const summary = (t: TeamRecord, signedCount: number) => ({
  teamId: t.teamId,
  name: t.name,
  institutionId: t.institutionId,
  institutionName: t.institutionName,
  leaderName: t.members.find((m) => m.staffId === t.leaderStaffId)?.name ?? '',
  memberCount: t.members.length,
  signedCount,
  capacity: t.capacity,
});

/**
 * Teams a resident may choose: serving their grid, then their village/community, then the rest
 * of their institution (the one whose teams serve their village). Without a known place (a
 * visitor, or staff browsing), the institution asked for, or every team.
 */
export async function listTeamsHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TListTeamsInput;
}): Promise<OutputOf<typeof listTeams>> {
  const r = repos(ctx);
  const all = [...(await r.teams.all()).values()];
  // Rank for the caller, or for a family member they are choosing a team for.
  const forId =
    input.residentId !== undefined &&
    (input.residentId === ctx.caller.residentId ||
      (ctx.caller.familyResidentIds ?? []).includes(input.residentId))
      ? input.residentId
      : ctx.caller.residentId;
  const me = forId !== undefined ? await r.residents.byId(forId) : undefined;
  const village = me?.villageId;
  const home =
    village !== undefined ? all.find((t) => t.serviceArea.includes(village))?.institutionId : undefined;
  const place: ResidentPlace = {
    ...((input.gridId ?? me?.gridId) !== undefined ? { gridId: input.gridId ?? me?.gridId } : {}),
    ...(village !== undefined ? { villageId: village } : {}),
    ...((input.institutionId ?? home) !== undefined ? { institutionId: input.institutionId ?? home } : {}),
  };
  const known =
    place.gridId !== undefined || place.villageId !== undefined || place.institutionId !== undefined;
  const candidates = known ? all : all.map((t) => ({ ...t }));
  const counts = await r.contracts.liveCounts(candidates.map((t) => t.teamId));
  const ranked = known
    ? rankTeams(
        candidates.map((t) => ({ ...t })),
        place,
        counts,
      )
    : candidates.map((t) => ({ ...t, liveCount: counts[t.teamId] ?? 0 }));
  const page = ranked.slice(input.page.offset, input.page.offset + input.page.limit);
  if (!me) return { teams: page.map((t) => summary(t, t.liveCount)), total: ranked.length };
  // A resident is told, team by team, whether it serves where they live and if not, why.
  const names = await placeNames(ctx.db, [
    ...new Set([...page.flatMap((t) => t.serviceArea), ...(village !== undefined ? [village] : [])]),
  ]);
  return {
    teams: page.map((t) => {
      const why = placeRefusal(t, village, names);
      const full = !why && t.liveCount >= t.capacity ? messageFor('TEAM_FULL') : undefined;
      return {
        ...summary(t, t.liveCount),
        ...(village !== undefined ? { servesYou: !why } : {}),
        ...(why || full ? { whyNot: why?.message ?? full } : {}),
      };
    }),
    total: ranked.length,
  };
}

/** A team card: members with positions, service area, packages on offer, places taken. */
export async function teamDetailHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TTeamDetailInput;
}): Promise<OutputOf<typeof teamDetail>> {
  const r = repos(ctx);
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  const [count, packages] = await Promise.all([r.contracts.liveCount(team.teamId), r.packages.all()]);
  return {
    ...summary(team, count),
    members: team.members.map((m) => ({ staffId: m.staffId, name: m.name, position: m.position })),
    serviceArea: team.serviceArea,
    packages: packages.map((p) => ({
      packageId: p._id,
      kind: p.kind,
      name: p.name,
      feeFen: p.feeFen,
      services: p.services.map((s) => ({ name: s.name, timesPerYear: s.timesPerYear })),
    })),
  };
}

/** The fee split for a choice, computed from the packages and the resident's tags on the server. */
export async function quoteHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TQuoteInput;
}): Promise<OutputOf<typeof quote>> {
  const r = repos(ctx);
  const team = (await r.teams.byId(input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  const resident = await loadResident(ctx, r, input.residentId, team);
  const pkgs = (await r.packages.pick(input.packageIds)) ?? refuse('PACKAGE_NOT_FOUND');
  return must(quotePackages(pkgs, tagsOn(resident, shanghaiDay(ctx.now))));
}
