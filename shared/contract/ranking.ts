/**
 * "Find a team" ordering (POLICY.md "The contract": a team at a primary institution of the
 * resident's own jurisdiction; each team serves villages/communities, subdivided by grid).
 * Teams serving the resident's grid come first, then those serving the village/community, then
 * the rest of the same institution; other institutions are not offered. Inside a tier, the team
 * with more places left comes first, then by name for a stable list.
 */
export type RankableTeam = {
  teamId: string;
  name: string;
  institutionId: string;
  serviceArea: readonly string[];
  gridIds: readonly string[];
  capacity: number;
};

/** Where the resident lives, from their household. */
export type ResidentPlace = { gridId?: string; villageId?: string; institutionId?: string };

export const TEAM_TIERS = ['grid', 'village', 'institution'] as const;
export type TeamTier = (typeof TEAM_TIERS)[number];

export type RankedTeam<T extends RankableTeam> = T & {
  tier: TeamTier;
  liveCount: number;
  placesLeft: number;
};

/** Places left = capacity − live (pending + active) contracts, never below 0. */
export const placesLeft = (capacity: number, liveCount: number): number => Math.max(0, capacity - liveCount);

/** How close a team is to the resident, or null when it is not theirs to choose. */
export const tierOf = (t: RankableTeam, p: ResidentPlace): TeamTier | null => {
  if (p.gridId !== undefined && t.gridIds.includes(p.gridId)) return 'grid';
  if (p.villageId !== undefined && t.serviceArea.includes(p.villageId)) return 'village';
  if (p.institutionId !== undefined && t.institutionId === p.institutionId) return 'institution';
  return null;
};

/**
 * Orders the teams a resident may see; `search` matches the team name (case-insensitive, trimmed).
 * Example: grid g1 in village v1 → [team serving g1, team serving v1, other team of the centre].
 */
export const rankTeams = <T extends RankableTeam>(
  teams: readonly T[],
  place: ResidentPlace,
  liveCounts: Readonly<Record<string, number>>,
  search?: string,
): RankedTeam<T>[] => {
  const q = search?.trim().toLowerCase() ?? '';
  const out: RankedTeam<T>[] = [];
  for (const t of teams) {
    const tier = tierOf(t, place);
    if (tier === null) continue;
    if (q !== '' && !t.name.toLowerCase().includes(q)) continue;
    const liveCount = liveCounts[t.teamId] ?? 0;
    out.push({ ...t, tier, liveCount, placesLeft: placesLeft(t.capacity, liveCount) });
  }
  const rank = (tier: TeamTier) => TEAM_TIERS.indexOf(tier);
  return out.sort(
    (a, b) =>
      rank(a.tier) - rank(b.tier) ||
      b.placesLeft - a.placesLeft ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
};
