import { demoIdNumber } from '../../scripts/seed/demo-identities';
import type { TestEmulator } from '../support/emulator';
import { callUser, OTHER_DISTRICT_ADMIN, startSeededEmulator } from '../support/identity';

// Issue 12 (staff): 人员管理 — list an institution's staff masked, create, re-issue a bind code —
// and assisted signing's resident search by name + ID/phone tail, through the real SDK against
// the emulator with the demo seed (demo residents get their search keys from the seed backfill).

type Inv = { fn: string; action?: string; dbRequests: number };

describe('staff administration and resident search', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startSeededEmulator(['user']);
  }, 180_000);
  afterAll(async () => {
    await emu?.close();
  });

  /** A fresh WeChat identity verifies as a new person living in `regionId`. */
  const newResident = async (
    openid: string,
    name: string,
    idNumber: string,
    mobile: string,
    regionId: string,
  ) => {
    await callUser(emu, 'login', {}, openid);
    const r = await callUser(
      emu,
      'verifyIdentity',
      { name, idNumber, mobile, consent: true, residence: { regionId, address: '测试路1号' } },
      openid,
    );
    expect(r.ok).toBe(true);
    return String(r.data?.residentId);
  };

  describe('user.listStaff / createStaff / reissueBindCode', () => {
    it('an institution admin lists their staff masked, with teams and grids to place new ones', async () => {
      const r = await callUser(emu, 'listStaff', {}, 'demo-admin-cg');
      expect(r.ok).toBe(true);
      const data = r.data as {
        institutionId: string;
        staff: {
          staffId: string;
          name: string;
          maskedMobile?: string;
          bound: boolean;
          teamNames: string[];
        }[];
        total: number;
        teams: { id: string }[];
        grids: { id: string; name: string }[];
      };
      expect(data.institutionId).toBe('inst-cg');
      const wang = data.staff.find((s) => s.staffId === 'st-cg-1');
      expect(wang).toMatchObject({ name: '王建国', bound: true, teamNames: ['东门社区家庭医生团队'] });
      expect(wang?.maskedMobile).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(data.staff.find((s) => s.staffId === 'st-cg-3')?.bound).toBe(false);
      expect(data.total).toBeGreaterThanOrEqual(data.staff.length);
      expect(data.teams.map((t) => t.id).sort()).toEqual(['team-cg-1', 'team-cg-2']);
      expect(data.grids.map((g) => g.id)).toContain('r-cg-dm-g1');
      // Another institution's staff never appear; nothing sealed leaves.
      expect(data.staff.some((s) => s.staffId.startsWith('st-qs'))).toBe(false);
      expect(JSON.stringify(r.data)).not.toMatch(/mobileEnc|mobileHash|bindCodeHash|\d{11}/);
    });

    it('is refused outside the caller’s reach', async () => {
      expect((await callUser(emu, 'listStaff', { institutionId: 'inst-cg' }, 'demo-admin-qs')).code).toBe(
        'OUT_OF_SCOPE',
      );
      expect(
        (await callUser(emu, 'listStaff', { institutionId: 'inst-cg' }, OTHER_DISTRICT_ADMIN)).code,
      ).toBe('OUT_OF_SCOPE');
      expect((await callUser(emu, 'listStaff', {}, 'demo-doctor-cg-1')).code).toBe('FORBIDDEN');
      expect((await callUser(emu, 'listStaff', {}, 'demo-resident-1')).code).toBe('FORBIDDEN');
      expect((await callUser(emu, 'listStaff', { limit: 500 }, 'demo-admin-cg')).code).toBe('BAD_INPUT');
    });

    it('the district admin chooses an institution, then lists its staff', async () => {
      const none = await callUser(emu, 'listStaff', {}, 'demo-district-admin');
      expect(none.ok).toBe(true);
      const insts = ((none.data?.institutions ?? []) as { id: string }[]).map((i) => i.id);
      expect(insts).toEqual(expect.arrayContaining(['inst-cg', 'inst-qs', 'inst-hk']));
      const qs = await callUser(emu, 'listStaff', { institutionId: 'inst-qs' }, 'demo-district-admin');
      expect(((qs.data?.staff ?? []) as { staffId: string }[]).map((s) => s.staffId)).toContain('st-qs-1');
    });

    it('a created nurse shows as waiting; a re-issued code replaces the first; once bound no more codes', async () => {
      const created = await callUser(
        emu,
        'createStaff',
        { name: '林小护', mobile: '13712340101', role: 'doctor', teamId: 'team-cg-1', position: 'nurse' },
        'demo-admin-cg',
      );
      expect(created.ok).toBe(true);
      const staffId = String(created.data?.staffId);
      const first = String(created.data?.bindCode);
      const listed = (await callUser(emu, 'listStaff', {}, 'demo-admin-cg')).data?.staff as {
        staffId: string;
        bound: boolean;
        bindCodeExpiresAt?: string;
        position?: string;
      }[];
      const row = listed.find((s) => s.staffId === staffId);
      expect(row).toMatchObject({ bound: false, position: 'nurse' });
      expect(row?.bindCodeExpiresAt).toBeDefined();
      expect(listed[0]?.staffId).toBe(staffId); // newest first

      // Another institution's admin cannot re-issue it; a resident cannot at all.
      expect((await callUser(emu, 'reissueBindCode', { staffId }, 'demo-admin-qs')).code).toBe(
        'OUT_OF_SCOPE',
      );
      expect((await callUser(emu, 'reissueBindCode', { staffId }, 'demo-resident-1')).code).toBe('FORBIDDEN');
      expect((await callUser(emu, 'reissueBindCode', { staffId: 'st-nope' }, 'demo-admin-cg')).code).toBe(
        'NOT_FOUND',
      );

      const again = await callUser(emu, 'reissueBindCode', { staffId }, 'demo-admin-cg');
      expect(again.ok).toBe(true);
      const second = String(again.data?.bindCode);
      expect(second).toMatch(/^\d{6}$/);
      await callUser(emu, 'login', {}, 'wx-new-nurse');
      if (second !== first) {
        const old = await callUser(
          emu,
          'bindStaff',
          { bindCode: first, mobile: '13712340101' },
          'wx-new-nurse',
        );
        expect(old.code).toBe('BIND_CODE_INVALID');
      }
      const bound = await callUser(
        emu,
        'bindStaff',
        { bindCode: second, mobile: '13712340101' },
        'wx-new-nurse',
      );
      expect(bound.ok).toBe(true);
      expect((await callUser(emu, 'reissueBindCode', { staffId }, 'demo-admin-cg')).code).toBe(
        'STAFF_ALREADY_BOUND',
      );
      const after = (await callUser(emu, 'listStaff', {}, 'demo-admin-cg')).data?.staff as {
        staffId: string;
        bound: boolean;
        bindCodeExpiresAt?: string;
      }[];
      expect(after.find((s) => s.staffId === staffId)).toMatchObject({ bound: true });
      expect(after.find((s) => s.staffId === staffId)?.bindCodeExpiresAt).toBeUndefined();
    });

    it('an institution admin cannot re-issue for an institution admin; the district admin can', async () => {
      expect((await callUser(emu, 'reissueBindCode', { staffId: 'st-adm-hk' }, 'demo-admin-cg')).code).toBe(
        'OUT_OF_SCOPE',
      );
      const r = await callUser(emu, 'reissueBindCode', { staffId: 'st-adm-hk' }, 'demo-district-admin');
      expect(r.ok).toBe(true);
    });
  });

  describe('user.searchResidents', () => {
    const idCg = demoIdNumber('330102', '1958-06-21', 402);
    const idHk = demoIdNumber('330102', '1962-01-30', 404);
    beforeAll(async () => {
      await newResident('wx-search-cg', '柯美玲', idCg, '13712345678', 'r-cg-dm');
      // Same name, same phone tail, another institution's area.
      await newResident('wx-search-hk', '柯美玲', idHk, '13812345678', 'r-hk-hk');
    });

    it('a doctor finds a resident of their area by name + ID tail or phone tail, masked', async () => {
      const byId = await callUser(
        emu,
        'searchResidents',
        { name: '柯美玲', tail: idCg.slice(-4) },
        'demo-doctor-cg-1',
      );
      expect(byId.ok).toBe(true);
      const found = byId.data?.residents as Record<string, unknown>[];
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        name: '柯美玲',
        maskedMobile: '137****5678',
        sex: 'female',
        age: expect.any(Number),
        placeName: '城关街道 东门社区',
      });
      expect(String(found[0]?.maskedIdNumber)).toContain('*');
      const text = JSON.stringify(byId.data);
      expect(text).not.toContain(idCg);
      expect(text).not.toContain('13712345678');
      expect(text).not.toContain('测试路'); // street address stays on the server

      const byPhone = await callUser(
        emu,
        'searchResidents',
        { name: '柯美玲', tail: '5678' },
        'demo-doctor-cg-1',
      );
      expect(((byPhone.data?.residents ?? []) as { residentId: string }[]).map((r) => r.residentId)).toEqual([
        found[0]?.residentId,
      ]);
    });

    it('a resident of another institution is not found; the other area’s doctor finds only theirs', async () => {
      const cg = await callUser(
        emu,
        'searchResidents',
        { name: '柯美玲', tail: idHk.slice(-4) },
        'demo-doctor-cg-1',
      );
      expect(cg.data?.residents).toEqual([]);
      const hk = await callUser(emu, 'searchResidents', { name: '柯美玲', tail: '5678' }, 'demo-doctor-hk-1');
      const rows = hk.data?.residents as { maskedMobile: string }[];
      expect(rows.map((r) => r.maskedMobile)).toEqual(['138****5678']);
      // The institution admin of 城关 reaches their institution's areas; not 河口.
      const adm = await callUser(emu, 'searchResidents', { name: '柯美玲', tail: '5678' }, 'demo-admin-cg');
      expect(((adm.data?.residents ?? []) as { maskedMobile: string }[]).map((r) => r.maskedMobile)).toEqual([
        '137****5678',
      ]);
    });

    it('finds seeded residents (search keys from the seed backfill) and refuses wrong tails', async () => {
      // 张秀兰 (res-demo-1) lives in grid r-cg-dm-g1 of 东门社区; her demo mobile is 13900000001.
      const r = await callUser(emu, 'searchResidents', { name: '张秀兰', tail: '0001' }, 'demo-doctor-cg-1');
      expect(((r.data?.residents ?? []) as { residentId: string }[]).map((x) => x.residentId)).toEqual([
        'res-demo-1',
      ]);
      const wrong = await callUser(
        emu,
        'searchResidents',
        { name: '张秀兰', tail: '0002' },
        'demo-doctor-cg-1',
      );
      expect(wrong.data?.residents).toEqual([]);
    });

    it('validates inputs field by field and refuses residents', async () => {
      const bad = await callUser(emu, 'searchResidents', { name: '柯', tail: '12a' }, 'demo-doctor-cg-1');
      expect(bad.code).toBe('BAD_INPUT');
      const issues = (bad as unknown as { issues: { path: string; message: string }[] }).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: 'name', message: '请输入2–30个字的姓名' },
          { path: 'tail', message: '请输入身份证号或手机号的后4位' },
        ]),
      );
      expect(
        (await callUser(emu, 'searchResidents', { name: '柯美玲', tail: '5678' }, 'demo-resident-1')).code,
      ).toBe('FORBIDDEN');
    });

    it('costs a bounded number of database requests', async () => {
      const cost = async (tail: string) => {
        await callUser(emu, 'searchResidents', { name: '柯美玲', tail }, 'demo-doctor-cg-1');
        const invs = await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=user');
        return invs.filter((i) => i.action === 'searchResidents').at(-1)?.dbRequests ?? Number.NaN;
      };
      // Warm instance (team directory and grid map cached): the guard's caller look-up, the one
      // indexed residents query, the audit record — plus two region-name reads when something matched.
      const none = await cost('0000');
      const one = await cost('5678');
      console.log(`searchResidents DB requests (warm): no match ${none}, one match ${one}`);
      expect(none).toBeLessThanOrEqual(5);
      expect(one).toBeLessThanOrEqual(none + 2);
    });
  });
});
