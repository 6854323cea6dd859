import { z } from '../../api/zod';
import { TEAM_POSITIONS } from '../../constants/roles';

/**
 * A team member as stored. The demo seed writes `role` (gp, nurse, public_health …) and a
 * `title`; admin tools write `position` and `leader`. Readers normalise through teams.repo.
 */
export const ZTeamMemberDoc = z.object({
  staffId: z.string(),
  name: z.string().optional(),
  position: z.enum(TEAM_POSITIONS).optional(),
  role: z.string().optional(),
  title: z.string().optional(),
  leader: z.boolean().optional(),
});

/** A `teams` document (reference data, edited by admins; cached per function instance). */
export const ZTeamDoc = z.object({
  _id: z.string(),
  name: z.string(),
  institutionId: z.string(),
  districtId: z.string().optional(),
  /** Village/community region ids served (admin tools); the seed writes `villageIds`. */
  serviceArea: z.array(z.string()).optional(),
  villageIds: z.array(z.string()).optional(),
  gridIds: z.array(z.string()).optional(),
  /** Most live (pending or active) contracts at once; held by the seat counter `locks/seats_<teamId>`. */
  capacity: z.number().int().min(0),
  leaderStaffId: z.string().nullable().optional(),
  members: z.array(ZTeamMemberDoc).optional(),
});
export type TeamDoc = z.infer<typeof ZTeamDoc>;
