import { TEAM_POSITIONS } from '@shared/constants/roles';
import { checkTeamChoice, checkTeamComposition, isTeamLeader, type TTeam } from '@shared/contract';

const team: TTeam = {
  _id: 't1',
  institutionId: 'i1',
  name: '一团队',
  members: [
    { staffId: 's1', position: 'chief_gp', leader: true },
    { staffId: 's2', position: 'nurse', leader: false },
    { staffId: 's3', position: 'public_health_doctor', leader: false },
  ],
  serviceArea: ['v1', 'v2'],
  gridIds: ['g1'],
  capacity: 2,
};

describe('POLICY 000/002 team: a chief GP as leader', () => {
  it('every position as the single leader: only chief_gp is accepted', () => {
    for (const position of TEAM_POSITIONS) {
      const r = checkTeamComposition([{ staffId: 's1', position, leader: true }]);
      expect(r.ok).toBe(position === 'chief_gp');
    }
  });

  it('no leader or two leaders is refused', () => {
    expect(checkTeamComposition(team.members.map((m) => ({ ...m, leader: false })))).toEqual({
      ok: false,
      code: 'TEAM_LEADER_REQUIRED',
    });
    expect(
      checkTeamComposition([...team.members, { staffId: 's4', position: 'chief_gp', leader: true }]).ok,
    ).toBe(false);
    expect(checkTeamComposition(team.members).ok).toBe(true);
  });

  it('only the leader confirms contracts', () => {
    expect(isTeamLeader(team, 's1')).toBe(true);
    expect(isTeamLeader(team, 's2')).toBe(false);
  });
});

describe('POLICY 000/003 a team of the resident’s own jurisdiction, by village/community', () => {
  it.each([
    ['own village, room left', 'v1', 1, 'ok'],
    ['own village, capacity reached', 'v2', 2, 'TEAM_FULL'],
    ['another village', 'v9', 0, 'OUT_OF_JURISDICTION'],
  ])('%s → %s', (_l, region, signed, expected) => {
    const r = checkTeamChoice(team, region, signed);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});
