import type { TestEmulator } from '../support/emulator';
import { callUser, startSeededEmulator } from '../support/identity';

// What the staff work areas (医生工作台, 管理后台) read to open the right team's lists: where the
// caller works comes from `user.me`, and an institution's teams from `contract.listTeams`.
describe('staff work areas: me tells staff where they work', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startSeededEmulator(['user', 'contract']);
  });
  afterAll(() => emu?.close());

  it('a team-leader doctor gets their team ids', async () => {
    const r = await callUser(emu, 'me', {}, 'demo-doctor-cg-1');
    expect(r).toMatchObject({ ok: true, data: { role: 'doctor', teamIds: ['team-cg-1'] } });
  });

  it('an institution admin gets their institution, whose teams listTeams returns', async () => {
    const r = (await callUser(emu, 'me', {}, 'demo-admin-qs')) as { data: { institutionId?: string } };
    expect(r.data.institutionId).toBe('inst-qs');
    const teams = (
      await emu.callFn(
        'contract',
        { action: 'listTeams', input: { institutionId: 'inst-qs' } },
        'demo-admin-qs',
      )
    ).result as { ok: boolean; data: { teams: { teamId: string; institutionId: string }[] } };
    expect(teams.ok).toBe(true);
    expect(teams.data.teams.map((t) => t.teamId).sort()).toEqual(['team-qs-1', 'team-qs-2']);
  });

  it('a resident gets no staff placement', async () => {
    const r = (await callUser(emu, 'me', {}, 'demo-resident-1')) as { data: Record<string, unknown> };
    expect(r.data.teamIds).toBeUndefined();
    expect(r.data.institutionId).toBeUndefined();
  });
});
