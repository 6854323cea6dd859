import { zId } from '../api/fields';
import { failure, type Result, success } from '../api/result';
import { z } from '../api/zod';
import { TEAM_POSITIONS } from '../constants/roles';

/**
 * A family-doctor team (POLICY.md "Teams", sources 000, 002, 003): led by a chief GP, with GPs,
 * public-health doctors, nurses, health managers and optional specialists; responsible for the
 * villages/communities in its service area (subdivided by grid where population is large).
 */
export const ZTeamMember = z.object({
  staffId: zId,
  position: z.enum(TEAM_POSITIONS),
  leader: z.boolean().default(false),
});
export const ZTeam = z.object({
  _id: zId,
  institutionId: zId,
  name: z.string().trim().min(1).max(40),
  members: z.array(ZTeamMember).min(1),
  serviceArea: z.array(zId).min(1), // village / community region ids
  gridIds: z.array(zId).default([]),
  capacity: z.number().int().min(1).max(100_000),
});
export type TTeam = z.output<typeof ZTeam>;

/** Exactly one leader, and the leader is a chief GP (全科医生团队长). */
export const checkTeamComposition = (members: TTeam['members']): Result<true, 'TEAM_LEADER_REQUIRED'> => {
  const leaders = members.filter((m) => m.leader);
  return leaders.length === 1 && leaders[0]?.position === 'chief_gp'
    ? success(true)
    : failure('TEAM_LEADER_REQUIRED');
};

/**
 * A resident may sign only with a team serving their own village/community (辖区), and only
 * while it has room: signedCount 500 of capacity 500 → TEAM_FULL.
 */
export const checkTeamChoice = (
  team: Pick<TTeam, 'serviceArea' | 'capacity'>,
  residentRegionId: string,
  signedCount: number,
): Result<true, 'OUT_OF_JURISDICTION' | 'TEAM_FULL'> => {
  if (!team.serviceArea.includes(residentRegionId)) return failure('OUT_OF_JURISDICTION');
  return signedCount >= team.capacity ? failure('TEAM_FULL') : success(true);
};

/** True when the team is the leader's to confirm: a staff member of the team marked leader. */
export const isTeamLeader = (team: Pick<TTeam, 'members'>, staffId: string): boolean =>
  team.members.some((m) => m.staffId === staffId && m.leader);
