import { userIdFor } from '../../cloudfunctions/_lib/caller';
import type { Database } from '../../cloudfunctions/_lib/db';
import { ActionError } from '../../cloudfunctions/_lib/errors';
import { contractIdFor } from '../../cloudfunctions/contract/support/common';
import { openRequest } from '../../cloudfunctions/contract/support/requests.tx';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { ContractDoc } from '../../shared/db/schemas/contracts';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { callWithOwnSignature, OWN_SIGNATURE } from '../support/signature';

// Renewal, change of team, team rosters, team capacity under concurrency — through the gateway
// into the built `contract` function. Its own emulator: the tests edit teams before the first call
// (teams are cached per warm instance) and move the emulator clock at the end.

type Env = { ok: boolean; code?: string; data?: Record<string, unknown> };
const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1, 东门社区 (team-cg-1)
const RESIDENT_2 = 'demo-resident-2'; // 李明, res-demo-2, 青山村 (team-qs-1)
const LEADER_CG1 = 'demo-doctor-cg-1';
const LEADER_CG2 = 'demo-doctor-cg-4';
const LEADER_QS1 = 'demo-doctor-qs-1';
const DISTRICT = 'demo-district-admin';
const RACERS = 12;

let emu: TestEmulator;
let signature = '';
let seq = 0;
const call = (action: string, input: unknown, openid: string): Promise<Env> =>
  callWithOwnSignature<Env>(emu, action, input, openid);
const signInput = (over: Record<string, unknown> = {}) => ({
  residentId: 'res-demo-1',
  teamId: 'team-cg-1',
  packageIds: ['pkg-basic'],
  consent: true,
  requestId: `lc-${++seq}`,
  signatureFileId: signature,
  ...over,
});
const signed = async (openid: string, over: Record<string, unknown>, leader: string) => {
  const s = await call('sign', signInput(over), openid);
  expect(s).toMatchObject({ ok: true, data: { status: 'pending' } });
  const c = await call('confirm', { contractId: s.data?.contractId }, leader);
  expect(c).toMatchObject({ ok: true, data: { status: 'active' } });
  return c.data as { contractId: string; endDate: string; renewableFrom: string };
};

beforeAll(async () => {
  emu = await startSeededEmulator(['contract']);
  const app = emu.sdkApp();
  // Each signer uploads their own signature through contract.uploadSignature (issue 11).
  signature = OWN_SIGNATURE;
  const db = app.database();
  // 西街 team also serves 东门 here, so 东门 residents may change to it (jurisdiction holds).
  await db
    .collection(COLLECTIONS.teams)
    .doc('team-cg-2')
    .update({ villageIds: ['r-cg-xj', 'r-cg-dm'] });
  // 柳河村 team with a single place left for the concurrency test.
  // (The seed's demo population may already hold places in it: count them in.)
  const preLive = (
    await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: db.command.in(['pending', 'active']) })
      .count()
  ).total;
  await db
    .collection(COLLECTIONS.teams)
    .doc('team-qs-2')
    .update({ capacity: preLive + 1 });
  // RACERS verified residents of 柳河村, each with their own WeChat identity acting for them.
  const { data } = await db.collection(COLLECTIONS.residents).doc('res-demo-1').get();
  const { _id, ...template } = data[0] as Record<string, unknown>;
  const village = await db.collection(COLLECTIONS.regions).doc('r-qs-lh').get();
  const gridOf = (village.data[0] as { _id: string })._id;
  for (let i = 0; i < RACERS; i++) {
    const residentId = `res-race-${i}`;
    await db
      .collection(COLLECTIONS.residents)
      .doc(residentId)
      .set({ ...template, villageId: gridOf, idHash: `race-hash-${i}`, gridId: undefined });
    await db
      .collection(COLLECTIONS.users)
      .doc(userIdFor(`cap-${i}`))
      .set({
        openid: `cap-${i}`,
        role: 'resident',
        family: [{ residentId, relation: 'child' }],
        createdAt: new Date(),
      });
  }
}, 120_000);
afterAll(() => emu?.close());

describe('team capacity under concurrency', () => {
  it(`${RACERS} signers for a team's last place → exactly 1 gets it, the rest TEAM_FULL`, async () => {
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call('sign', signInput({ residentId: `res-race-${i}`, teamId: 'team-qs-2' }), `cap-${i}`),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'TEAM_FULL')).toHaveLength(RACERS - 1);
    const db = emu.sdkApp().database();
    const { total } = await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: 'pending' })
      .count();
    expect(total).toBe(1);
  });

  it('a place freed by a withdrawal is taken again (seat holes do not read as full)', async () => {
    const db = emu.sdkApp().database();
    const { data } = await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: 'pending' })
      .get();
    const holder = data[0] as { _id: string; residentId: string };
    const i = Number(holder.residentId.replace('res-race-', ''));
    expect((await call('withdraw', { contractId: holder._id }, `cap-${i}`)).ok).toBe(true);
    const next = (i + 1) % RACERS;
    const r = await call(
      'sign',
      signInput({ residentId: `res-race-${next}`, teamId: 'team-qs-2' }),
      `cap-${next}`,
    );
    expect(r).toMatchObject({ ok: true, data: { status: 'pending' } });
    const other = (i + 2) % RACERS;
    expect(
      (
        await call(
          'sign',
          signInput({ residentId: `res-race-${other}`, teamId: 'team-qs-2' }),
          `cap-${other}`,
        )
      ).code,
    ).toBe('TEAM_FULL');
  });
});

describe('demo contracts in the seed', () => {
  it('are sealed for real: active, one pending for the leader, one inside its renewal window', async () => {
    const id = (res: string) => contractIdFor(res, 'demo-contract');
    for (const res of ['res-demo-c1', 'res-demo-c2', 'res-demo-c3', 'res-demo-c4']) {
      const v = await call('verify', { contractId: id(res) }, DISTRICT);
      expect(v).toMatchObject({ ok: true, data: { live: true, status: 'active', intact: true } });
    }
    const pending = await call('pendingList', { teamId: 'team-cg-1' }, LEADER_CG1);
    expect(((pending.data?.contracts ?? []) as { contractId: string }[]).map((c) => c.contractId)).toContain(
      id('res-demo-c5'),
    );
    const roster = await call('teamContracts', { teamId: 'team-cg-1', status: 'active' }, LEADER_CG1);
    const soon = ((roster.data?.contracts ?? []) as Record<string, string>[]).find(
      (c) => c.contractId === id('res-demo-c2'),
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(soon?.renewableFrom && soon.renewableFrom <= today && today <= String(soon.endDate)).toBe(true);
  });
});

describe('seat claim (the capacity check cannot be passed twice)', () => {
  // The gateway runs one function instance serially, so the race is staged here directly: both
  // signers read the same live count (0) for a 1-place team, then insert at the same moment. With
  // the count check alone both would get in; the team's seat counter (locks/seats_<teamId>),
  // read and written in each opening transaction, lets one.
  it('two requests opened at the same moment → one contract, one TEAM_FULL', async () => {
    const db = emu.sdkApp().database() as unknown as Database;
    const team = { teamId: 'team-seat-test', capacity: 1 };
    const doc = (i: number) =>
      ({
        _id: `c-seat-${i}`,
        residentId: `res-seat-${i}`,
        teamId: team.teamId,
        status: 'pending',
      }) as ContractDoc;
    const now = new Date();
    const results = await Promise.allSettled([
      openRequest(db, doc(1), { capacity: team.capacity, now }),
      openRequest(db, doc(2), { capacity: team.capacity, now }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ActionError);
    expect((lost.reason as ActionError).code).toBe('TEAM_FULL');
  });
});

describe('change of team', () => {
  let oldId = '';
  let newId = '';

  it('refuses the same team; opens a change request to another team', async () => {
    oldId = (await signed(RESIDENT, {}, LEADER_CG1)).contractId;
    const same = await call(
      'changeTeam',
      { ...signInput({ teamId: 'team-cg-1' }), residentId: undefined, contractId: oldId },
      RESIDENT,
    );
    expect(same.code).toBe('SAME_TEAM');
    const r = await call(
      'changeTeam',
      { ...signInput({ teamId: 'team-cg-2' }), residentId: undefined, contractId: oldId },
      RESIDENT,
    );
    expect(r).toMatchObject({ ok: true, data: { status: 'pending', kind: 'change', teamId: 'team-cg-2' } });
    newId = r.data?.contractId as string;
  });

  it('a second request while one is pending → ALREADY_PENDING', async () => {
    const again = await call(
      'changeTeam',
      { ...signInput({ teamId: 'team-cg-2' }), residentId: undefined, contractId: oldId },
      RESIDENT,
    );
    expect(again.code).toBe('ALREADY_PENDING');
  });

  it('the old contract stays active until the new team confirms, then reads superseded', async () => {
    const before = await call('mine', {}, RESIDENT);
    const find = (env: Env, id: string) =>
      ((env.data?.contracts ?? []) as { contractId: string; status: string }[]).find(
        (c) => c.contractId === id,
      );
    expect(find(before, oldId)?.status).toBe('active');
    expect((await call('confirm', { contractId: newId }, LEADER_CG1)).code).toBe('OUT_OF_SCOPE');
    expect(await call('confirm', { contractId: newId }, LEADER_CG2)).toMatchObject({
      ok: true,
      data: { status: 'active' },
    });
    const after = await call('mine', {}, RESIDENT);
    expect(find(after, oldId)?.status).toBe('superseded');
    expect(find(after, newId)?.status).toBe('active');
  });
});

describe('team rosters', () => {
  it('teamContracts: the leader and the district see the roster by status; others do not', async () => {
    const r = await call('teamContracts', { teamId: 'team-cg-1', status: 'superseded' }, LEADER_CG1);
    expect(r.ok).toBe(true);
    expect(((r.data?.contracts ?? []) as { status: string }[]).every((c) => c.status === 'superseded')).toBe(
      true,
    );
    expect(r.data?.total).toBeGreaterThanOrEqual(1);
    const all = await call('teamContracts', { teamId: 'team-cg-2' }, DISTRICT);
    expect(((all.data?.contracts ?? []) as { teamId: string }[]).every((c) => c.teamId === 'team-cg-2')).toBe(
      true,
    );
    expect(all.data?.total).toBeGreaterThanOrEqual(1);
    expect((await call('teamContracts', { teamId: 'team-cg-1' }, LEADER_QS1)).code).toBe('OUT_OF_SCOPE');
    expect((await call('teamContracts', { teamId: 'team-nope' }, DISTRICT)).code).toBe('TEAM_NOT_FOUND');
  });
});

describe('renewal', () => {
  let contract: { contractId: string; endDate: string; renewableFrom: string };

  it('outside the window → NOT_IN_RENEWAL_WINDOW', async () => {
    contract = await signed(RESIDENT_2, { residentId: 'res-demo-2', teamId: 'team-qs-1' }, LEADER_QS1);
    const r = await call(
      'renew',
      { contractId: contract.contractId, requestId: 'renew-early', signatureFileId: signature },
      RESIDENT_2,
    );
    expect(r.code).toBe('NOT_IN_RENEWAL_WINDOW');
  });

  it('inside the window → a pending renewal; a second one → ALREADY_PENDING; confirmed by the leader', async () => {
    // Move the emulator clock to five days after the window opens.
    const target = new Date(`${contract.renewableFrom}T04:00:00Z`).getTime() + 5 * 86_400_000;
    const res = await fetch(`${emu.url}/_emulator/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: target - Date.now() }),
    });
    expect(res.ok).toBe(true);
    const input = { contractId: contract.contractId, requestId: 'renew-1', signatureFileId: signature };
    const r = await call('renew', input, RESIDENT_2);
    expect(r).toMatchObject({ ok: true, data: { status: 'pending', kind: 'renewal', teamId: 'team-qs-1' } });
    expect((await call('renew', input, RESIDENT_2)).data?.contractId).toBe(r.data?.contractId);
    const again = await call('renew', { ...input, requestId: 'renew-2' }, RESIDENT_2);
    expect(again.code).toBe('ALREADY_PENDING');
    const c = await call('confirm', { contractId: r.data?.contractId }, LEADER_QS1);
    expect(c.ok).toBe(true);
    expect(['active', 'upcoming']).toContain(c.data?.status);
    expect(String(c.data?.startDate) > contract.endDate || c.data?.startDate === undefined).toBe(true);
  });
});
