import { COLLECTIONS } from '@shared/constants/collections';
import type { TeamPosition } from '@shared/constants/roles';
import type { TeamDoc } from '@shared/db/schemas/teams';
import type { Database, Tx } from '../_lib/db';
import { type Projected, project, txData } from './fields';
import * as institutions from './institutions.repo';

/** A team normalised for readers, whatever shape the seed or admin tools wrote. */
export type TeamRecord = {
  teamId: string;
  name: string;
  institutionId: string;
  institutionName: string;
  /** The institution's public phone: how a signed resident reaches their team. */
  institutionPhone?: string;
  districtId?: string;
  serviceArea: string[];
  gridIds: string[];
  capacity: number;
  leaderStaffId: string | null;
  members: { staffId: string; name: string; position: TeamPosition; title: string }[];
};

// The demo seed names member roles in short form; map them onto the shared team positions.
const ROLE_TO_POSITION: Record<string, TeamPosition> = {
  gp: 'gp',
  nurse: 'nurse',
  public_health: 'public_health_doctor',
  health_manager: 'health_manager',
  specialist: 'county_doctor',
};

/** Normalises a stored team (leader, positions, service area). */
export const toRecord = (t: TeamDoc, institutionName: string): TeamRecord => {
  const leader = t.leaderStaffId ?? t.members?.find((m) => m.leader)?.staffId ?? null;
  return {
    teamId: t._id,
    name: t.name,
    institutionId: t.institutionId,
    institutionName,
    ...(t.districtId !== undefined ? { districtId: t.districtId } : {}),
    serviceArea: t.serviceArea ?? t.villageIds ?? [],
    gridIds: t.gridIds ?? [],
    capacity: t.capacity,
    leaderStaffId: leader,
    members: (t.members ?? []).map((m) => ({
      staffId: m.staffId,
      name: m.name ?? '',
      position: m.staffId === leader ? 'chief_gp' : (m.position ?? ROLE_TO_POSITION[m.role ?? ''] ?? 'gp'),
      title: m.title ?? '',
    })),
  };
};

/**
 * Teams and institutions change rarely (an admin edits them), so a warm function instance keeps
 * the directory for a minute: signing then spends its database requests on residents and contracts.
 */
const TTL_MS = 60_000;
let cache: { at: number; teams: Map<string, TeamRecord> } | null = null;

/** Every team of the deployment with its institution's name (cached per instance). */
export async function directory(db: Database, nowMs: number = Date.now()): Promise<Map<string, TeamRecord>> {
  if (cache && nowMs - cache.at < TTL_MS) return cache.teams;
  const [teams, names, phones] = await Promise.all([
    db.collection(COLLECTIONS.teams).limit(1000).get(),
    institutions.names(db),
    institutions.phones(db),
  ]);
  const map = new Map(
    (teams.data as TeamDoc[]).map((t) => {
      const rec = toRecord(t, names.get(t.institutionId) ?? '');
      const phone = phones.get(t.institutionId);
      return [t._id, phone ? { ...rec, institutionPhone: phone } : rec];
    }),
  );
  cache = { at: nowMs, teams: map };
  return map;
}

/** One team from the cached directory, or undefined. */
export async function recordById(db: Database, teamId: string): Promise<TeamRecord | undefined> {
  return (await directory(db)).get(teamId);
}

/** Forgets the directory cache (tests and seeds that edit teams). */
export const resetCache = (): void => {
  cache = null;
};

/** Selected fields of one team, read now (not cached). */
export async function findById<K extends keyof TeamDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<TeamDoc, K> | undefined> {
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<TeamDoc, K> | undefined;
}

/** Adds a member inside a transaction (staff creation writes the staff record in the same commit). */
export async function addMemberInTx(
  t: Tx,
  teamId: string,
  member: NonNullable<TeamDoc['members']>[number],
): Promise<void> {
  const ref = t.collection(COLLECTIONS.teams).doc(teamId);
  const team = txData<Pick<TeamDoc, 'members'>>((await ref.get()).data);
  await ref.update({ members: [...(team?.members ?? []), member] });
}

/** Where a team sits and who is in it (read now, one request): appointments' view of a team. */
export type TeamSummary = {
  _id: string;
  name: string;
  institutionId: string;
  districtId?: string;
  members: { staffId: string; name: string }[];
};

/** One team's summary, or undefined. */
export async function summary(db: Database, id: string): Promise<TeamSummary | undefined> {
  const t = await findById(db, id, ['name', 'institutionId', 'districtId', 'members']);
  if (!t) return undefined;
  return {
    _id: t._id,
    name: t.name,
    institutionId: t.institutionId,
    ...(t.districtId !== undefined ? { districtId: t.districtId } : {}),
    members: (t.members ?? []).map((m) => ({ staffId: m.staffId, name: m.name ?? '' })),
  };
}

// stats ------------------------------------------------------------------------------------------

/** The teams of an institution, id and name (an institution has a handful: one request). */
export async function ofInstitution(
  db: Database,
  institutionId: string,
): Promise<{ _id: string; name: string }[]> {
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .where({ institutionId })
    .field({ name: true })
    .limit(1000)
    .get();
  return data as { _id: string; name: string }[];
}

/** The teams of some institutions with members (a district has a few hundred: one request, ≤ 1000). */
export async function ofInstitutions(
  db: Database,
  institutionIds: readonly string[],
): Promise<
  Pick<
    TeamDoc,
    '_id' | 'name' | 'institutionId' | 'members' | 'villageIds' | 'serviceArea' | 'gridIds' | 'leaderStaffId'
  >[]
> {
  if (institutionIds.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.teams)
    .where({ institutionId: db.command.in([...institutionIds]) })
    .field({
      name: true,
      institutionId: true,
      members: true,
      villageIds: true,
      serviceArea: true,
      gridIds: true,
      leaderStaffId: true,
    })
    .limit(1000)
    .get();
  return data as Pick<
    TeamDoc,
    '_id' | 'name' | 'institutionId' | 'members' | 'villageIds' | 'serviceArea' | 'gridIds' | 'leaderStaffId'
  >[];
}
