import { demoIdNumber } from '../../../scripts/seed/demo-identities';
import { actionsOf } from '../../../shared/api/registry';
import { CALLER_ROLES, type CallerRole } from '../../../shared/constants/roles';
import type { TestEmulator } from '../../support/emulator';
import { callUser, OTHER_DISTRICT_ADMIN, startSeededEmulator } from '../../support/identity';

// Every `user` action × every caller role, generated from the shared contracts' `access`, called
// through the emulator's gateway (identity in the context, never the event) into the built
// function, whose database work goes through the real SDK. Allowed roles must pass the guard
// (whatever the domain then answers); every other role gets FORBIDDEN. Out-of-scope cases follow.
// contract/appointment actions have no function yet: tests/unit/identity/guard-matrix.test.ts
// runs the same generated matrix at the guard level for them.

const CALLERS: Record<Exclude<CallerRole, 'guest'>, string> = {
  resident: 'demo-resident-1',
  doctor: 'demo-doctor-cg-1',
  grid_worker: 'demo-grid-cg-dm-g1',
  institution_admin: 'demo-admin-cg',
  district_admin: 'demo-district-admin',
};
// A guest is an openid that has never logged in; one per action, since login makes a user.
const openidOf = (role: CallerRole, action: string) =>
  role === 'guest' ? `matrix-guest-${action}` : CALLERS[role];

let mobileNo = 0;
/** An in-scope input per action and role; a new action without one fails the matrix. */
const INPUTS: Record<string, (role: CallerRole) => unknown> = {
  login: () => ({}),
  me: () => ({}),
  verifyIdentity: () => ({
    name: '张秀兰',
    idNumber: demoIdNumber('330102', '1968-03-12', 12),
    mobile: '13900000001',
    consent: true,
  }),
  addFamilyMember: () => ({
    name: '张小宝',
    idNumber: demoIdNumber('330102', '2021-05-06', 91),
    relation: 'child',
    consent: true,
  }),
  listFamily: () => ({}),
  removeFamilyMember: () => ({ residentId: 'res-demo-1' }),
  withdrawConsent: () => ({ residentId: 'res-demo-1m' }),
  createStaff: (role) =>
    role === 'district_admin'
      ? {
          name: '韩新',
          mobile: `1370000${String(++mobileNo).padStart(4, '0')}`,
          role: 'institution_admin',
          institutionId: 'inst-hk',
        }
      : {
          name: '新医生',
          mobile: `1370000${String(++mobileNo).padStart(4, '0')}`,
          role: 'doctor',
          teamId: 'team-cg-1',
          position: 'gp',
        },
  bindStaff: () => ({ bindCode: '000000', mobile: '13700009999' }),
  revealIdentity: () => ({ residentId: 'res-demo-1', field: 'mobile' }),
  familyRequests: () => ({}),
  answerFamilyRequest: () => ({ requestId: 'fr_none', accept: false }),
  regions: () => ({ parentId: 'r-cg' }),
  setResidence: () => ({
    residentId: 'res-demo-1m',
    residence: { regionId: 'r-cg-dm', address: '东门路8号' },
  }),
  listStaff: (role) => (role === 'district_admin' ? { institutionId: 'inst-cg' } : {}),
  reissueBindCode: () => ({ staffId: 'st-cg-3' }),
  searchResidents: () => ({ name: '张秀兰', tail: '0001' }),
};

const GUARD_REFUSALS = [
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'UNAUTHENTICATED',
  'UNKNOWN_ACTION',
  'INTERNAL',
  'BAD_INPUT',
];

const OUT_OF_SCOPE: { who: string; openid: string; action: string; input: unknown }[] = [
  {
    who: 'resident removes a stranger',
    openid: 'demo-resident-1',
    action: 'removeFamilyMember',
    input: { residentId: 'res-demo-2' },
  },
  {
    who: "resident withdraws a stranger's consent",
    openid: 'demo-resident-1',
    action: 'withdrawConsent',
    input: { residentId: 'res-demo-2c' },
  },
  {
    who: "resident reads a stranger's ID",
    openid: 'demo-resident-1',
    action: 'revealIdentity',
    input: { residentId: 'res-demo-2', field: 'idNumber' },
  },
  {
    who: "resident sets a stranger's residence",
    openid: 'demo-resident-1',
    action: 'setResidence',
    input: { residentId: 'res-demo-2', residence: { regionId: 'r-cg-dm', address: '东门路8号' } },
  },
  {
    who: 'doctor of another team',
    openid: 'demo-doctor-qs-1',
    action: 'revealIdentity',
    input: { residentId: 'res-demo-1', field: 'idNumber' },
  },
  {
    who: 'grid worker of another grid',
    openid: 'demo-grid-qs-qs-g1',
    action: 'revealIdentity',
    input: { residentId: 'res-demo-1', field: 'idNumber' },
  },
  {
    who: 'admin of another institution reads',
    openid: 'demo-admin-qs',
    action: 'revealIdentity',
    input: { residentId: 'res-demo-1', field: 'mobile' },
  },
  {
    who: 'admin of another institution creates',
    openid: 'demo-admin-qs',
    action: 'createStaff',
    input: { name: '越权', mobile: '13711112222', role: 'doctor', teamId: 'team-cg-1' },
  },
  {
    who: 'admin of another district',
    openid: OTHER_DISTRICT_ADMIN,
    action: 'createStaff',
    input: { name: '越权', mobile: '13711113333', role: 'institution_admin', institutionId: 'inst-cg' },
  },
];

describe('user: permission matrix through the emulator', () => {
  let emu: TestEmulator;
  const tested: string[] = [];
  beforeAll(async () => {
    emu = await startSeededEmulator();
  });
  afterAll(async () => {
    await emu?.close();
    // The count quoted in the issue note.
    console.info(`permission pairs tested through the emulator: ${tested.length}`);
  });

  const pairs = actionsOf('user').flatMap((def) => CALLER_ROLES.map((role) => ({ def, role })));
  it.each(
    pairs.map((p) => [p.def.action, p.role, p.role in p.def.access ? 'allowed' : 'refused', p] as const),
  )('%s as %s: %s', async (action, role, verdict, { def }) => {
    const sample = INPUTS[action];
    expect(sample).toBeDefined();
    const r = await callUser(emu, action, sample?.(role), openidOf(role, action));
    tested.push(`${action}:${role}`);
    if (verdict === 'allowed') {
      expect(GUARD_REFUSALS).not.toContain(r.code);
      if (!r.ok) expect(def.errors).toContain(r.code); // a declared domain answer
    } else {
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '当前身份无权执行此操作' });
    }
  });

  it.each(OUT_OF_SCOPE.map((c) => [c.who, c] as const))('out of scope: %s', async (_who, c) => {
    const r = await callUser(emu, c.action, c.input, c.openid);
    tested.push(`${c.action}:${c.openid}:out`);
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE', message: '无权访问该居民或机构的数据' });
  });

  it('has tested every action × role pair and every out-of-scope case', () => {
    expect(tested).toHaveLength(actionsOf('user').length * CALLER_ROLES.length + OUT_OF_SCOPE.length);
  });

  it('ignores an openid forged in the event body, and a call without an identity is unauthenticated', async () => {
    const forged = await emu.callFn(
      'user',
      { action: 'me', input: {}, openid: 'demo-district-admin' },
      'demo-resident-1',
    );
    // Ignored: the answer is the context caller's own profile, not the district admin's.
    expect(forged.result).toMatchObject({ ok: true, data: { role: 'resident', residentId: 'res-demo-1' } });
    const forgedInput = await emu.callFn(
      'user',
      { action: 'login', input: { openid: 'demo-district-admin' } },
      'demo-resident-1',
    );
    expect(forgedInput.result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const asResident = await callUser(emu, 'me', {}, 'demo-resident-1');
    expect(asResident.data).toMatchObject({ role: 'resident', residentId: 'res-demo-1' });
    // The admin SDK carries no WeChat identity.
    const sdk = await emu.sdkApp().callFunction({ name: 'user', data: { action: 'me', input: {} } });
    expect(sdk.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});
