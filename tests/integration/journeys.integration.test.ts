import { demoIdNumber } from '../../scripts/seed/demo-identities';
import type { TestEmulator } from '../support/emulator';
import { callUser, startSeededEmulator } from '../support/identity';
import { callWithOwnSignature, OWN_SIGNATURE } from '../support/signature';

// Issue 12: a brand-new account gives where it lives once (region picker + street address) and
// from then on the team list, the signing preflight and signing agree on which teams it may choose.

type Env = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };
let emu: TestEmulator;
let signature = '';
const contract = (action: string, input: unknown, openid: string): Promise<Env> =>
  callWithOwnSignature<Env>(emu, action, input, openid);

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'contract']);
  // Each signer uploads their own signature through contract.uploadSignature (issue 11).
  signature = OWN_SIGNATURE;
}, 180_000);
afterAll(() => emu?.close());

type Team = { teamId: string; servesYou?: boolean; whyNot?: string };

describe('a fresh identity: residence → ranked teams → preflight → sign', () => {
  const me = 'journey-fresh-1';
  let residentId = '';

  it('walks the region tree 区 → 街道/乡镇 → 社区/村 → 网格', async () => {
    const top = await callUser(emu, 'regions', {}, me);
    expect(top.data?.regions).toEqual([
      { regionId: 'r-demo', name: '示范区', level: 'district', parentId: null },
    ]);
    const towns = (await callUser(emu, 'regions', { parentId: 'r-demo' }, me)).data?.regions as {
      name: string;
    }[];
    expect(towns.map((t) => t.name)).toEqual(expect.arrayContaining(['城关街道', '青山镇', '河口镇']));
    const villages = (await callUser(emu, 'regions', { parentId: 'r-cg' }, me)).data?.regions as {
      regionId: string;
      level: string;
    }[];
    expect(villages.map((v) => v.regionId)).toEqual(['r-cg-dm', 'r-cg-xj']);
    expect(villages.every((v) => v.level === 'village')).toBe(true);
    const grids = (await callUser(emu, 'regions', { parentId: 'r-cg-xj' }, me)).data?.regions;
    expect(grids).toHaveLength(2);
  });

  it('refuses a residence that is not a village or grid, with a field message', async () => {
    await callUser(emu, 'login', {}, me);
    const base = {
      name: '林小雨',
      idNumber: demoIdNumber('330102', '1990-05-06', 71),
      mobile: '13712345671',
      consent: true,
    };
    expect(
      await callUser(
        emu,
        'verifyIdentity',
        { ...base, residence: { regionId: 'r-cg', address: '解放路1号' } },
        me,
      ),
    ).toMatchObject({
      ok: false,
      code: 'REGION_NOT_FOUND',
    });
    const bad = await callUser(
      emu,
      'verifyIdentity',
      { ...base, residence: { regionId: 'r-cg-xj', address: '' } },
      me,
    );
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((bad as { issues?: { path: string; message: string }[] }).issues).toEqual([
      { path: 'residence.address', message: '请填写详细地址，如门牌号（2–60字）' },
    ]);
    const ok = await callUser(
      emu,
      'verifyIdentity',
      { ...base, residence: { regionId: 'r-cg-xj-g1', address: '解放路12号3单元' } },
      me,
    );
    expect(ok.ok).toBe(true);
    residentId = String(ok.data?.residentId);
    const profile = await callUser(emu, 'me', {}, me);
    expect(profile.data?.residence).toEqual({
      villageId: 'r-cg-xj',
      gridId: 'r-cg-xj-g1',
      placeName: '城关街道 西街社区 西街社区第1网格',
      address: '解放路12号3单元',
    });
  });

  it('lists the team serving 西街社区 first and says why the other cannot be chosen', async () => {
    const r = await contract('listTeams', {}, me);
    const teams = r.data?.teams as Team[];
    expect(teams.map((t) => t.teamId)).toEqual(['team-cg-2', 'team-cg-1']);
    expect(teams[0]).toMatchObject({ servesYou: true });
    expect(teams[0]?.whyNot).toBeUndefined();
    expect(teams[1]).toMatchObject({
      servesYou: false,
      whyNot: '该团队只为东门社区的居民服务，您登记的居住地是西街社区，请选择为您居住地服务的团队',
    });
  });

  it('the preflight answers before any signing step, and sign agrees', async () => {
    const no = await contract('eligibility', { residentId, teamId: 'team-cg-1' }, me);
    expect(no.data).toMatchObject({ eligible: false, code: 'OUT_OF_JURISDICTION' });
    expect(await contract('eligibility', { residentId, teamId: 'team-cg-2' }, me)).toMatchObject({
      ok: true,
      data: { eligible: true },
    });
    const signed = await contract(
      'sign',
      {
        residentId,
        teamId: 'team-cg-2',
        packageIds: ['pkg-basic'],
        consent: true,
        requestId: 'j-1',
        signatureFileId: signature,
      },
      me,
    );
    expect(signed).toMatchObject({ ok: true, data: { status: 'pending', teamId: 'team-cg-2' } });
    expect((await contract('eligibility', { residentId, teamId: 'team-cg-2' }, me)).data).toMatchObject({
      eligible: false,
      code: 'ALREADY_PENDING',
    });
  });

  it('adds a parent with their own residence; a retried tap (same request id) answers the same member', async () => {
    const parent = {
      name: '林建华',
      idNumber: demoIdNumber('330102', '1950-03-04', 72),
      relation: 'parent',
      consent: true,
      residence: { regionId: 'r-qs-sq', address: '石桥村8组21号' },
      requestId: 'add-parent-1',
    };
    const first = await callUser(emu, 'addFamilyMember', parent, me);
    expect(first).toMatchObject({
      ok: true,
      data: { name: '林建华', relation: 'parent', villageId: 'r-qs-sq' },
    });
    expect(await callUser(emu, 'addFamilyMember', parent, me)).toEqual(first);
    expect(
      await callUser(emu, 'addFamilyMember', { ...parent, requestId: 'add-parent-2' }, me),
    ).toMatchObject({
      code: 'FAMILY_MEMBER_EXISTS',
    });
    const members = (await callUser(emu, 'listFamily', {}, me)).data?.members as { relation: string }[];
    expect(members.map((m) => m.relation)).toEqual(['self', 'parent']);
    const parentId = String(first.data?.residentId);
    // Ranked for the parent: the 青山镇 team serving 石桥村, not the caller's own.
    const teams = (await contract('listTeams', { residentId: parentId }, me)).data?.teams as Team[];
    expect(teams[0]).toMatchObject({ teamId: 'team-qs-1', servesYou: true });
    expect((await contract('eligibility', { residentId: parentId, teamId: 'team-qs-1' }, me)).data).toEqual({
      eligible: true,
    });
  });

  it('a resident verified before the question was asked records a residence later; strangers cannot', async () => {
    const late = 'journey-late-1';
    await callUser(emu, 'login', {}, late);
    const v = await callUser(
      emu,
      'verifyIdentity',
      {
        name: '赵晨',
        idNumber: demoIdNumber('330102', '1985-01-02', 73),
        mobile: '13712345673',
        consent: true,
      },
      late,
    );
    const id = String(v.data?.residentId);
    expect((await contract('eligibility', { residentId: id, teamId: 'team-cg-1' }, late)).data).toMatchObject(
      {
        eligible: false,
        code: 'RESIDENCE_REQUIRED',
      },
    );
    expect(
      await callUser(
        emu,
        'setResidence',
        { residentId: residentId, residence: { regionId: 'r-cg-dm', address: '东门路1号' } },
        late,
      ),
    ).toMatchObject({
      ok: false,
    });
    const set = await callUser(
      emu,
      'setResidence',
      { residentId: id, residence: { regionId: 'r-cg-dm', address: '东门路1号' } },
      late,
    );
    expect(set).toMatchObject({ ok: true, data: { villageId: 'r-cg-dm', placeName: '城关街道 东门社区' } });
    expect((await contract('eligibility', { residentId: id, teamId: 'team-cg-1' }, late)).data).toEqual({
      eligible: true,
    });
  });
});

describe('the reviewer sees age and key-population tags', () => {
  it('pendingList carries residentAge and residentTags', async () => {
    const r = await contract('pendingList', {}, 'demo-doctor-cg-1');
    const list = (r.data?.contracts ?? []) as {
      residentName: string;
      residentAge?: number;
      residentTags?: string[];
    }[];
    expect(r.ok).toBe(true);
    // The fresh resident above signed with team-cg-2; the demo leader of team-cg-1 sees their own team's.
    for (const c of list) {
      expect(typeof c.residentAge).toBe('number');
      expect(Array.isArray(c.residentTags)).toBe(true);
    }
    const other = await contract('pendingList', {}, 'demo-doctor-cg-4');
    const mine = (other.data?.contracts ?? []) as { residentName: string; residentAge?: number }[];
    expect(mine.find((c) => c.residentName === '林小雨')?.residentAge).toBeGreaterThanOrEqual(35);
  });
});
