import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';

// The contract refusals the journey tests do not reach, each through the gateway into the built
// function: nothing is written when a call is refused.

type Env = { ok: boolean; code?: string; message?: string; issues?: { path: string; message: string }[] };
const LEADER = 'demo-doctor-cg-1'; // 王建国, leader of team-cg-1
const NURSE = 'test-nurse-cg-2'; // 李晓梅 (st-cg-2), a member of team-cg-1 but not its leader
const RESIDENT = 'demo-resident-1';

let emu: TestEmulator;
const call = async (action: string, input: unknown, openid: string): Promise<Env> =>
  (await emu.callFn('contract', { action, input }, openid)).result as Env;
const contractCount = async () =>
  (await emu.sdkApp().database().collection(COLLECTIONS.contracts).count()).total;

beforeAll(async () => {
  emu = await startSeededEmulator(['contract']);
  const db = emu.sdkApp().database();
  // Bind the team's nurse to a WeChat identity, as bindStaff would.
  await db.collection(COLLECTIONS.staff).doc('st-cg-2').update({ openid: NURSE });
  await db
    .collection(COLLECTIONS.users)
    .add({ _id: userIdFor(NURSE), openid: NURSE, role: 'doctor', staffId: 'st-cg-2', createdAt: new Date() });
  // A resident registered by the grid worker who has not completed real-name verification.
  await db.collection(COLLECTIONS.residents).add({
    _id: 'res-unverified',
    name: '未实名',
    gridId: 'r-cg-dm-g1',
    villageId: 'r-cg-dm',
    verified: false,
  });
}, 120_000);
afterAll(() => emu?.close());

describe('contract refusals', () => {
  it('teamDetail shows a team; an unknown team is TEAM_NOT_FOUND', async () => {
    const r = (await call('teamDetail', { teamId: 'team-cg-1' }, RESIDENT)) as Env & {
      data?: { name: string; members: unknown[] };
    };
    expect(r.ok).toBe(true);
    expect(r.data?.name).toBe('东门社区家庭医生团队');
    expect(r.data?.members.length).toBeGreaterThan(1);
    expect(await call('teamDetail', { teamId: 'team-none' }, RESIDENT)).toMatchObject({
      code: 'TEAM_NOT_FOUND',
    });
  });

  it('deciding on a contract that does not exist is CONTRACT_NOT_FOUND', async () => {
    expect(await call('confirm', { contractId: 'c_missing' }, LEADER)).toMatchObject({
      ok: false,
      code: 'CONTRACT_NOT_FOUND',
    });
  });

  it('a team member who is not its leader may not confirm: NOT_TEAM_LEADER', async () => {
    const pending = (await call('pendingList', {}, LEADER)) as Env & {
      data?: { contracts: { contractId: string }[] };
    };
    const contractId = pending.data?.contracts[0]?.contractId;
    expect(contractId).toBeDefined();
    expect(await call('confirm', { contractId }, NURSE)).toMatchObject({
      ok: false,
      code: 'NOT_TEAM_LEADER',
    });
    const after = (await call('pendingList', {}, LEADER)) as Env & {
      data?: { contracts: { contractId: string }[] };
    };
    expect(after.data?.contracts.map((c) => c.contractId)).toContain(contractId);
  });

  it('a resident without real-name verification cannot be signed: NOT_VERIFIED, nothing written', async () => {
    const before = await contractCount();
    const r = await call(
      'sign',
      {
        residentId: 'res-unverified',
        teamId: 'team-cg-1',
        packageIds: ['pkg-basic'],
        consent: true,
        requestId: 'unverified-1',
        signatureFileId: 'cloud://local-dev/signatures/none.png',
      },
      LEADER,
    );
    expect(r).toMatchObject({ ok: false, code: 'NOT_VERIFIED' });
    expect(await contractCount()).toBe(before);
  });

  it('signing without consent is refused with the consent message on the field', async () => {
    const r = await call(
      'sign',
      {
        residentId: 'res-demo-1',
        teamId: 'team-cg-1',
        packageIds: ['pkg-basic'],
        consent: false,
        requestId: 'no-consent-1',
        signatureFileId: 'cloud://local-dev/signatures/none.png',
      },
      RESIDENT,
    );
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(r.issues).toContainEqual({ path: 'consent', message: ERROR_MESSAGES.CONSENT_REQUIRED });
  });

  it('rejecting without a reason is refused with the reason message on the field', async () => {
    const r = await call('reject', { contractId: 'c_missing', reason: '' }, LEADER);
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(r.issues?.[0]?.path).toBe('reason');
    expect(r.issues?.[0]?.message.startsWith(ERROR_MESSAGES.REASON_REQUIRED)).toBe(true);
  });
});
