import { COLLECTIONS } from '@shared/constants/collections';
import type { StoredTag } from '@shared/constants/tags';
import { shanghaiDay } from '@shared/time';
import type { Database } from '../../_lib/db';

// Reads of collections other domains own (regions, teams, institutions, staff, contracts,
// residents), kept here until the shared repositories in cloudfunctions/_data cover them.

export type GridPlace = {
  gridId: string;
  gridName: string;
  villageId: string;
  townshipId?: string;
  districtId: string;
  teamId?: string;
  teamName?: string;
  institutionId?: string;
};

type RegionDoc = { _id: string; level: string; name: string; parentId: string | null; path: string[] };

/** Where a grid sits: village, the team serving that village, the township's institution. */
export async function gridPlace(db: Database, gridId: string): Promise<GridPlace | undefined> {
  const { data } = await db.collection(COLLECTIONS.regions).doc(gridId).get();
  const g = data[0] as RegionDoc | undefined;
  if (g?.level !== 'grid' || !g.parentId) return undefined;
  const [teams, insts] = await Promise.all([
    db
      .collection(COLLECTIONS.teams)
      .where({ villageIds: g.parentId })
      .field({ _id: true, name: true, institutionId: true })
      .limit(1)
      .get(),
    g.path[1]
      ? db
          .collection(COLLECTIONS.institutions)
          .where({ townshipId: g.path[1] })
          .field({ _id: true })
          .limit(1)
          .get()
      : Promise.resolve({ data: [] as unknown[] }),
  ]);
  const team = teams.data[0] as { _id: string; name: string; institutionId?: string } | undefined;
  const inst = (insts.data[0] as { _id: string } | undefined)?._id;
  return {
    gridId: g._id,
    gridName: g.name,
    villageId: g.parentId,
    ...(g.path[1] ? { townshipId: g.path[1] } : {}),
    districtId: g.path[0] ?? '',
    ...(team ? { teamId: team._id, teamName: team.name } : {}),
    ...(team?.institutionId || inst ? { institutionId: team?.institutionId ?? inst } : {}),
  };
}

/** Grid names by id (report and household lists show them). */
export async function regionName(db: Database, id: string): Promise<string> {
  const { data } = await db.collection(COLLECTIONS.regions).doc(id).field({ name: true }).get();
  return (data[0] as { name?: string } | undefined)?.name ?? '';
}

export async function teamName(db: Database, id: string): Promise<string | undefined> {
  const { data } = await db.collection(COLLECTIONS.teams).doc(id).field({ name: true }).get();
  return (data[0] as { name?: string } | undefined)?.name;
}

/** A staff member's display name (actors on reports). */
export async function staffName(db: Database, staffId: string | undefined): Promise<string> {
  if (!staffId) return '';
  const { data } = await db.collection(COLLECTIONS.staff).doc(staffId).field({ name: true }).get();
  return (data[0] as { name?: string } | undefined)?.name ?? '';
}

/** The bound staff of a team to alert (the leader first), and an institution's admins. */
export async function teamLeaderStaffId(db: Database, teamId: string): Promise<string | undefined> {
  const { data } = await db.collection(COLLECTIONS.teams).doc(teamId).field({ leaderStaffId: true }).get();
  return (data[0] as { leaderStaffId?: string } | undefined)?.leaderStaffId;
}

export async function institutionAdmins(db: Database, institutionId: string): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTIONS.staff)
    .where({ institutionId, role: 'institution_admin' })
    .field({ _id: true })
    .limit(10)
    .get();
  return (data as { _id: string }[]).map((s) => s._id);
}

/** Of these residents, those with a contract in force (or confirmed to start) today. */
export async function signedResidents(
  db: Database,
  residentIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const out = new Set<string>();
  const today = shanghaiDay(now);
  for (let i = 0; i < residentIds.length; i += 500) {
    const chunk = residentIds.slice(i, i + 500);
    const { data } = await db
      .collection(COLLECTIONS.contracts)
      .where({ residentId: db.command.in(chunk), status: 'active' })
      .field({ residentId: true, endDate: true })
      .limit(1000)
      .get();
    for (const c of data as { residentId: string; endDate?: string }[])
      if (!c.endDate || c.endDate >= today) out.add(c.residentId);
  }
  return out;
}

/** What a member card and the to-do list need of a resident (never the sealed ID). */
export type MemberDoc = {
  _id: string;
  name: string;
  idMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  tags?: StoredTag[];
  pregnancies?: { registeredOn: string; deliveredOn?: string }[];
  householdId?: string;
  relation?: string;
  gridId?: string;
  movedOutAt?: Date;
  userId?: string;
};
export const MEMBER_FIELDS = {
  _id: true,
  name: true,
  idMasked: true,
  birthDate: true,
  sex: true,
  tags: true,
  pregnancies: true,
  householdId: true,
  relation: true,
  gridId: true,
  movedOutAt: true,
  userId: true,
} as const;

export async function membersOf(db: Database, householdId: string): Promise<MemberDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.residents)
    .where({ householdId })
    .field(MEMBER_FIELDS)
    .limit(50)
    .get();
  return data as MemberDoc[];
}

export async function residentsOfGrid(db: Database, gridId: string): Promise<MemberDoc[]> {
  const out: MemberDoc[] = [];
  // A grid holds a few hundred to a few thousand people: read in pages of 1,000.
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db
      .collection(COLLECTIONS.residents)
      .where({ gridId })
      .field(MEMBER_FIELDS)
      .skip(offset)
      .limit(1000)
      .get();
    out.push(...(data as MemberDoc[]));
    if (data.length < 1000) return out;
  }
}

export async function memberById(db: Database, id: string): Promise<MemberDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.residents).doc(id).field(MEMBER_FIELDS).get();
  return data[0] as MemberDoc | undefined;
}

export async function residentByIdHash(
  db: Database,
  idHash: string,
): Promise<(MemberDoc & { idHash: string }) | undefined> {
  const { data } = await db
    .collection(COLLECTIONS.residents)
    .where({ idHash })
    .field({ ...MEMBER_FIELDS, idHash: true })
    .limit(1)
    .get();
  return data[0] as (MemberDoc & { idHash: string }) | undefined;
}

/** Grids under a region (a township for an institution, a district), with their village's name. */
export async function gridsUnder(
  db: Database,
  ancestorId: string,
): Promise<{ gridId: string; name: string; villageName: string }[]> {
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where({ level: db.command.in(['village', 'grid']), path: ancestorId })
    .field({ _id: true, name: true, level: true, parentId: true })
    .limit(1000)
    .get();
  const rows = data as { _id: string; name: string; level: string; parentId: string }[];
  const village = new Map(rows.filter((r) => r.level === 'village').map((r) => [r._id, r.name]));
  return rows
    .filter((r) => r.level === 'grid')
    .map((r) => ({ gridId: r._id, name: r.name, villageName: village.get(r.parentId) ?? '' }))
    .sort((a, b) => a.gridId.localeCompare(b.gridId));
}

/** The township an institution serves. */
export async function institutionTownship(db: Database, institutionId: string): Promise<string | undefined> {
  const { data } = await db
    .collection(COLLECTIONS.institutions)
    .doc(institutionId)
    .field({ townshipId: true })
    .get();
  return (data[0] as { townshipId?: string } | undefined)?.townshipId;
}
