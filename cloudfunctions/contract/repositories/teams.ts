import { COLLECTIONS } from '@shared/constants/collections';
import type { TeamPosition } from '@shared/constants/roles';
import type { Database } from '../../_lib/db';

/** A team as the contract function uses it, whatever shape the seed or admin tools wrote. */
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

type TeamDoc = {
  _id: string;
  name: string;
  institutionId: string;
  serviceArea?: string[];
  villageIds?: string[];
  gridIds?: string[];
  capacity: number;
  districtId?: string;
  leaderStaffId?: string | null;
  members?: {
    staffId: string;
    name?: string;
    position?: TeamPosition;
    role?: string;
    title?: string;
    leader?: boolean;
  }[];
};

// The demo seed names member roles in short form; map them onto the shared team positions.
const ROLE_TO_POSITION: Record<string, TeamPosition> = {
  gp: 'gp',
  nurse: 'nurse',
  public_health: 'public_health_doctor',
  health_manager: 'health_manager',
  specialist: 'county_doctor',
};

const toRecord = (t: TeamDoc, institutionName: string): TeamRecord => {
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
 * them for a minute: signing then spends its database requests on the resident and contracts.
 */
const TTL_MS = 60_000;
let cache: { at: number; teams: Map<string, TeamRecord> } | null = null;

/** Read access to teams (reference data, cached per instance). */
export class TeamRepository {
  constructor(private readonly db: Database) {}

  /** Every team of the district, with its institution's name. */
  async all(nowMs: number = Date.now()): Promise<Map<string, TeamRecord>> {
    if (cache && nowMs - cache.at < TTL_MS) return cache.teams;
    const [teams, insts] = await Promise.all([
      this.db.collection(COLLECTIONS.teams).limit(1000).get(),
      this.db.collection(COLLECTIONS.institutions).field({ name: true, phone: true }).limit(1000).get(),
    ]);
    const names = new Map((insts.data as { _id: string; name: string }[]).map((i) => [i._id, i.name]));
    const phones = new Map(
      (insts.data as { _id: string; phone?: string }[]).flatMap((i) => (i.phone ? [[i._id, i.phone]] : [])),
    );
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

  /** One team, or undefined. */
  async byId(teamId: string): Promise<TeamRecord | undefined> {
    return (await this.all()).get(teamId);
  }

  /** Forgets the cache (tests that edit teams). */
  static reset(): void {
    cache = null;
  }
}
