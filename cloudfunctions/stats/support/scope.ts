import type { Target } from '@shared/api/authorize';
import type { StatsLevel } from '@shared/api/stats';
import * as institutions from '../../_data/institutions.repo';
import * as regions from '../../_data/regions.repo';
import * as teams from '../../_data/teams.repo';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';

/** A drill-down child: its id, name, and the group keys (institution or team ids) it sums. */
export type ScopeChild = { level: StatsLevel; id: string; name: string; keys: string[] };

export type Scope = {
  level: StatsLevel;
  id: string;
  name: string;
  target: Target;
  /** Which residents / reports / records the figures cover (institutionId or teamId). */
  match: Record<string, unknown>;
  /** Institutions covered (district, township, institution) — teams are found from them. */
  institutionIds: string[];
  /** Their names (exports). */
  institutionNames: Map<string, string>;
  /** The field the aggregates group on so one request also answers the children. */
  childKey: 'institutionId' | 'teamId' | null;
  children: ScopeChild[];
};

/**
 * Resolves the asked scope from STORED records (regions, institutions, teams): the authorisation
 * target is what the database says, never the ids the caller sent. Requests: district 2 (the
 * district with its townships in one query, its institutions), township 2, institution 2 (it and
 * its teams), team 2.
 */
export async function resolveScope(
  ctx: HandlerContext,
  input: { level: StatsLevel; id?: string | undefined },
): Promise<Scope> {
  const { db, caller } = ctx;
  if (input.level === 'district') {
    const id = input.id ?? caller.districtId ?? refuse('REGION_NOT_FOUND');
    const family = await regions.withChildren(db, id);
    const region = family.find((r) => r._id === id);
    if (!region || region.level !== 'district') refuse('REGION_NOT_FOUND');
    const target = { districtId: id };
    ctx.authorize(target);
    const insts = await institutions.inRegion(db, { districtId: id });
    const ids = insts.map((i) => i._id);
    return {
      level: 'district',
      id,
      name: region.name,
      target,
      match: { institutionId: { $in: ids } },
      institutionIds: ids,
      institutionNames: new Map(insts.map((i) => [i._id, i.name])),
      childKey: 'institutionId',
      children: family
        .filter((r) => r.level === 'township')
        .map((t) => ({
          level: 'township' as const,
          id: t._id,
          name: t.name,
          keys: insts.filter((i) => i.townshipId === t._id).map((i) => i._id),
        })),
    };
  }
  if (input.level === 'township') {
    const id = input.id ?? refuse('REGION_NOT_FOUND');
    const region = await regions.findById(db, id, ['level', 'name', 'path']);
    if (!region || region.level !== 'township') refuse('REGION_NOT_FOUND');
    const target = { districtId: region.path[0] ?? refuse('REGION_NOT_FOUND') };
    ctx.authorize(target);
    const insts = await institutions.inRegion(db, { townshipId: id });
    const ids = insts.map((i) => i._id);
    return {
      level: 'township',
      id,
      name: region.name,
      target,
      match: { institutionId: { $in: ids } },
      institutionIds: ids,
      institutionNames: new Map(insts.map((i) => [i._id, i.name])),
      childKey: 'institutionId',
      children: insts.map((i) => ({ level: 'institution' as const, id: i._id, name: i.name, keys: [i._id] })),
    };
  }
  if (input.level === 'institution') {
    const id = input.id ?? caller.institutionId ?? refuse('NOT_FOUND');
    const inst = await institutions.findById(db, id, ['name', 'districtId']);
    if (!inst) refuse('NOT_FOUND');
    const target = { institutionId: id, districtId: inst.districtId };
    ctx.authorize(target);
    const list = await teams.ofInstitution(db, id);
    return {
      level: 'institution',
      id,
      name: inst.name,
      target,
      match: { institutionId: id },
      institutionIds: [id],
      institutionNames: new Map([[id, inst.name]]),
      childKey: 'teamId',
      children: list.map((t) => ({ level: 'team' as const, id: t._id, name: t.name, keys: [t._id] })),
    };
  }
  const id = input.id ?? refuse('TEAM_NOT_FOUND');
  const team = await teams.findById(db, id, ['name', 'institutionId']);
  if (!team) refuse('TEAM_NOT_FOUND');
  const inst = await institutions.findById(db, team.institutionId, ['districtId', 'name']);
  const target = { institutionId: team.institutionId, ...(inst ? { districtId: inst.districtId } : {}) };
  ctx.authorize(target);
  return {
    level: 'team',
    id,
    name: team.name,
    target,
    match: { teamId: id },
    institutionIds: [team.institutionId],
    institutionNames: new Map(inst ? [[team.institutionId, inst.name]] : []),
    childKey: null,
    children: [],
  };
}
