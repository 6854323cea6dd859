import { signingChannel } from '@shared/contract/channel';
import { placesLeft, type RankableTeam, rankTeams, tierOf } from '@shared/contract/ranking';

const team = (teamId: string, over: Partial<RankableTeam> = {}): RankableTeam => ({
  teamId,
  name: `${teamId}团队`,
  institutionId: 'i1',
  serviceArea: [],
  gridIds: [],
  capacity: 100,
  ...over,
});

const teams = [
  team('other-inst', { institutionId: 'i2', serviceArea: ['v9'] }),
  team('same-inst', { serviceArea: ['v2'] }),
  team('village', { serviceArea: ['v1'] }),
  team('grid', { serviceArea: ['v1'], gridIds: ['g1'] }),
];
const place = { gridId: 'g1', villageId: 'v1', institutionId: 'i1' };

describe('find a team: my grid, then my village, then my institution', () => {
  it('orders by tier and leaves other institutions out', () => {
    const r = rankTeams(teams, place, {});
    expect(r.map((t) => [t.teamId, t.tier])).toEqual([
      ['grid', 'grid'],
      ['village', 'village'],
      ['same-inst', 'institution'],
    ]);
  });

  it.each([
    [{ gridId: 'g1' }, 'grid'],
    [{ villageId: 'v1' }, 'village'],
    [{ institutionId: 'i1' }, 'institution'],
    [{ institutionId: 'i2' }, null],
    [{}, null],
  ])('tierOf(grid team, %j) = %s', (p, tier) => expect(tierOf(teams[3]!, p)).toBe(tier));

  it('inside a tier, more places left first, then name', () => {
    const r = rankTeams(
      [
        team('b', { serviceArea: ['v1'], capacity: 10 }),
        team('a', { serviceArea: ['v1'], capacity: 10 }),
        team('c', { serviceArea: ['v1'], capacity: 10 }),
      ],
      place,
      { c: 2, a: 5, b: 5 },
    );
    expect(r.map((t) => [t.teamId, t.placesLeft])).toEqual([
      ['c', 8],
      ['a', 5],
      ['b', 5],
    ]);
  });

  it.each([
    [100, 0, 100],
    [100, 99, 1],
    [100, 100, 0],
    [100, 130, 0],
  ])('capacity %i with %i live → %i places left', (cap, live, left) => {
    expect(placesLeft(cap, live)).toBe(left);
    expect(
      rankTeams([team('x', { serviceArea: ['v1'], capacity: cap })], place, { x: live })[0]?.placesLeft,
    ).toBe(left);
  });

  it.each([
    ['grid', ['grid']],
    ['  GRID团 ', ['grid']],
    ['团队', ['grid', 'village', 'same-inst']],
    ['无此团队', []],
    ['', ['grid', 'village', 'same-inst']],
  ])('search %j', (q, ids) => expect(rankTeams(teams, place, {}, q).map((t) => t.teamId)).toEqual(ids));
});

describe('signing channel follows the caller, never the client', () => {
  it.each([
    ['resident', 'r1', 'r1', 'self'],
    ['resident', 'r1', 'r2', 'proxy'],
    ['resident', undefined, 'r2', 'proxy'],
    ['grid_worker', undefined, 'r2', 'grid_assisted'],
    ['doctor', undefined, 'r2', 'doctor_assisted'],
    ['institution_admin', undefined, 'r2', null],
    ['district_admin', undefined, 'r2', null],
    ['guest', undefined, 'r2', null],
  ] as const)('%s (own %s) for %s → %s', (role, own, target, ch) =>
    expect(signingChannel(role, own, target)).toBe(ch),
  );
});
