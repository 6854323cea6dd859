import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import { lockId } from '../../shared/db/schemas/locks';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { callWithOwnSignature, OWN_SIGNATURE } from '../support/signature';
import { type Any, callAppt, makeResident, pinClock, WANG_SCHEDULE } from './appointment-support';

// The guarantees partial unique indexes used to give, now held by deterministic-id documents
// inside transactions (docs/data.md), each under real concurrency: many callers through the
// gateway at once (the emulator runs functions in a pool of workers). Nobody may ever get
// INTERNAL; a lost race answers the domain's code, or BUSY when retries ran out.

type Env = { ok: boolean; code?: string; data?: Any };
let emu: TestEmulator;
let db: Any;
let signature = '';
let seq = 0;

const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Env> =>
  fn === 'contract'
    ? callWithOwnSignature<Env>(emu, action, input, openid)
    : ((await emu.callFn(fn, { action, input }, openid)).result as Env);
const signInput = (residentId: string, teamId: string) => ({
  residentId,
  teamId,
  packageIds: ['pkg-basic'],
  consent: true,
  requestId: `u-${++seq}`,
  signatureFileId: signature,
});
const codes = (rs: Env[]) => rs.map((r) => (r.ok ? 'OK' : String(r.code)));
const tally = (cs: string[]): Record<string, number> =>
  cs.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

/** A verified resident of a village and `n` accounts that act for them (family links). */
async function residentWithProxies(key: string, village: string, grid: string, n: number) {
  const { data } = await db.collection(COLLECTIONS.residents).doc('res-demo-1').get();
  const { _id, ...template } = data[0];
  const residentId = `res-${key}`;
  await db
    .collection(COLLECTIONS.residents)
    .doc(residentId)
    .set({
      ...template,
      name: '并发测试',
      idHash: `hash-${key}`,
      userId: undefined,
      gridId: grid,
      villageId: village,
    });
  const openids = Array.from({ length: n }, (_, i) => `${key}-${i}`);
  for (const openid of openids)
    await db
      .collection(COLLECTIONS.users)
      .doc(userIdFor(openid))
      .set({ openid, role: 'resident', family: [{ residentId, relation: 'child' }], createdAt: new Date() });
  return { residentId, openids };
}

let preLive = 0;
beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'contract', 'appointment']);
  db = emu.sdkApp().database();
  // Each signer uploads their own signature through contract.uploadSignature (issue 11).
  signature = OWN_SIGNATURE;
  // 柳河村's team at capacity − 1: two live contracts written before any counter existed (the
  // counter is created from the live count on first use), capacity = live + 1. Edited before the first
  // contract call (teams are cached per warm instance).
  for (const i of [1, 2])
    await db
      .collection(COLLECTIONS.contracts)
      .doc(`c-pre-${i}`)
      .set({ residentId: `res-pre-${i}`, teamId: 'team-qs-2', institutionId: 'inst-qs', status: 'active' });
  // The seed's demo population may already hold places in this team: count them in.
  preLive = (
    await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: db.command.in(['pending', 'active']) })
      .count()
  ).total;
  await db
    .collection(COLLECTIONS.teams)
    .doc('team-qs-2')
    .update({ capacity: preLive + 1 });
}, 180_000);
afterAll(() => emu?.close());

describe('one open request per resident (locks/pending_<residentId>)', () => {
  it('50 concurrent signs for one resident → exactly 1 request and 49 CONTRACT_EXISTS', async () => {
    const { residentId, openids } = await residentWithProxies('p50', 'r-cg-dm', 'r-cg-dm-g1', 50);
    const results = await Promise.all(
      openids.map((o) => call('contract', 'sign', signInput(residentId, 'team-cg-1'), o)),
    );
    const t = tally(codes(results));
    console.info(expect.getState().currentTestName, t);
    expect(t).toEqual({ OK: 1, CONTRACT_EXISTS: 49 });
    const { total } = await db
      .collection(COLLECTIONS.contracts)
      .where({ residentId, status: 'pending' })
      .count();
    expect(total).toBe(1);
    const winner = results.find((r) => r.ok)?.data?.contractId;
    const lock = (await db.collection(COLLECTIONS.locks).doc(lockId.pending(residentId)).get()).data[0];
    expect(lock).toMatchObject({ kind: 'pending', holder: winner });
  });

  it('re-signing after termination works, and after a withdrawal', async () => {
    const { residentId, openids } = await residentWithProxies('resign', 'r-hk-hk', 'r-hk-hk-g1', 1);
    const me = openids[0] as string;
    const first = await call('contract', 'sign', signInput(residentId, 'team-hk-1'), me);
    expect(first).toMatchObject({ ok: true, data: { status: 'pending' } });
    const withdrawn = await call('contract', 'withdraw', { contractId: first.data.contractId }, me);
    expect(withdrawn).toMatchObject({ ok: true, data: { status: 'withdrawn' } });
    const second = await call('contract', 'sign', signInput(residentId, 'team-hk-1'), me);
    expect(second).toMatchObject({ ok: true, data: { status: 'pending' } });
    const confirmed = await call(
      'contract',
      'confirm',
      { contractId: second.data.contractId },
      'demo-doctor-hk-1',
    );
    expect(confirmed).toMatchObject({ ok: true, data: { status: 'active' } });
    expect((await db.collection(COLLECTIONS.locks).doc(lockId.pending(residentId)).get()).data).toHaveLength(
      0,
    );
    const ended = await call(
      'contract',
      'terminate',
      { contractId: second.data.contractId, reason: 'resident_request' },
      'demo-doctor-hk-1',
    );
    expect(ended).toMatchObject({ ok: true, data: { status: 'terminated' } });
    const third = await call('contract', 'sign', signInput(residentId, 'team-hk-1'), me);
    expect(third).toMatchObject({ ok: true, data: { status: 'pending' } });
  });
});

describe('team capacity (locks/seats_<teamId>)', () => {
  it('a team at capacity − 1 with 20 concurrent first signings → exactly 1 more live contract', async () => {
    const racers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => residentWithProxies(`cap${i}`, 'r-qs-lh', 'r-qs-lh-g1', 1)),
    );
    const results = await Promise.all(
      racers.map((r) =>
        call('contract', 'sign', signInput(r.residentId, 'team-qs-2'), r.openids[0] as string),
      ),
    );
    const t = tally(codes(results));
    console.info(expect.getState().currentTestName, t);
    expect(t.OK).toBe(1);
    expect((t.TEAM_FULL ?? 0) + (t.BUSY ?? 0)).toBe(19);
    const live = await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: db.command.in(['pending', 'active']) })
      .count();
    expect(live.total).toBe(preLive + 1);
    const counter = (await db.collection(COLLECTIONS.locks).doc(lockId.seats('team-qs-2')).get()).data[0];
    expect(counter).toMatchObject({ kind: 'seats', count: preLive + 1 });
  });

  it('a withdrawn request gives its place back', async () => {
    const { data } = await db
      .collection(COLLECTIONS.contracts)
      .where({ teamId: 'team-qs-2', status: 'pending' })
      .get();
    const holder = data[0];
    const acting = `${holder.residentId.replace('res-', '')}-0`;
    expect((await call('contract', 'withdraw', { contractId: holder._id }, acting)).ok).toBe(true);
    const next = await residentWithProxies('capnext', 'r-qs-lh', 'r-qs-lh-g1', 1);
    const r = await call(
      'contract',
      'sign',
      signInput(next.residentId, 'team-qs-2'),
      next.openids[0] as string,
    );
    expect(r).toMatchObject({ ok: true, data: { status: 'pending' } });
  });
});

describe('staff accounts (locks/staffMobile_<hash>, locks/bindCode_<hash>)', () => {
  it('12 concurrent createStaff for one team → no INTERNAL, every member on the team', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(
          'user',
          'createStaff',
          {
            name: `医生${i}号`,
            mobile: `1370000${String(i).padStart(4, '0')}`,
            role: 'doctor',
            teamId: 'team-cg-2',
          },
          'demo-admin-cg',
        ),
      ),
    );
    const t = tally(codes(results));
    console.info(expect.getState().currentTestName, t);
    expect(t.INTERNAL).toBeUndefined();
    expect((t.OK ?? 0) + (t.BUSY ?? 0)).toBe(12);
    const team = (await db.collection(COLLECTIONS.teams).doc('team-cg-2').get()).data[0];
    const created = results.filter((r) => r.ok).map((r) => r.data.staffId);
    for (const id of created) expect(team.members.map((m: Any) => m.staffId)).toContain(id);
  });

  it('one account per mobile under a race; a second staff bind works', async () => {
    const same = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(
          'user',
          'createStaff',
          { name: '网格员甲', mobile: '13711112222', role: 'grid_worker', gridId: 'r-cg-dm-g2' },
          'demo-district-admin',
        ),
      ),
    );
    const t = tally(codes(same));
    console.info(expect.getState().currentTestName, t);
    expect(t.OK).toBe(1);
    expect((t.STAFF_EXISTS ?? 0) + (t.BUSY ?? 0)).toBe(4);
    const other = await call(
      'user',
      'createStaff',
      { name: '网格员乙', mobile: '13711113333', role: 'grid_worker', gridId: 'r-cg-dm-g2' },
      'demo-district-admin',
    );
    expect(other.ok).toBe(true);
    const first = same.find((r) => r.ok) as Env;
    expect(
      await call('user', 'bindStaff', { bindCode: first.data.bindCode, mobile: '13711112222' }, 'bind-one'),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await call('user', 'bindStaff', { bindCode: other.data.bindCode, mobile: '13711113333' }, 'bind-two'),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await call('user', 'bindStaff', { bindCode: other.data.bindCode, mobile: '13711113333' }, 'bind-three'),
    ).toMatchObject({
      ok: false,
      code: 'BIND_CODE_INVALID',
    });
  });
});

describe('one live booking per (slot, resident); seats (slots/<slotId>)', () => {
  beforeAll(async () => {
    pinClock(emu, '2026-11-25T10:00:00+08:00');
    expect((await callAppt(emu, 'setSchedule', WANG_SCHEDULE, 'demo-admin-cg')).ok).toBe(true);
  });
  afterAll(() => emu.setClockOffset(0));

  it('30 bookers for the last seat → exactly 1 booking, the rest SLOT_FULL or BUSY, 0 INTERNAL', async () => {
    const slotId = 'sch-st-cg-1-20261205-0900'; // outreach, 3 seats, none held
    for (const i of [1, 2]) {
      const p = await makeResident(emu, `u-early-${i}`);
      expect((await callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)).ok).toBe(true);
    }
    const crowd = await Promise.all(Array.from({ length: 30 }, (_, i) => makeResident(emu, `u-crowd-${i}`)));
    const results: Env[] = await Promise.all(
      crowd.map((p) => callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)),
    );
    const t = tally(codes(results));
    console.info(expect.getState().currentTestName, t);
    expect(t.OK).toBe(1);
    expect((t.SLOT_FULL ?? 0) + (t.BUSY ?? 0)).toBe(29);
    expect(t.INTERNAL).toBeUndefined();
    const booked = await db.collection(COLLECTIONS.appointments).where({ slotId, status: 'booked' }).count();
    expect(booked.total).toBe(3);
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0]).toMatchObject({ booked: 3 });
  });

  it('a double tap books once; rebooking after a cancel works', async () => {
    const slotId = 'sch-st-cg-1-20261207-0830';
    const p = await makeResident(emu, 'u-tap');
    const taps: Env[] = await Promise.all(
      [1, 2, 3].map(() => callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)),
    );
    expect(taps.filter((r) => r.ok)).toHaveLength(1);
    expect(codes(taps).filter((c) => c === 'INTERNAL')).toHaveLength(0);
    const mine = await db
      .collection(COLLECTIONS.appointments)
      .where({ slotId, residentId: p.residentId })
      .get();
    expect(mine.data).toHaveLength(1);
    const id = mine.data[0]._id;
    expect((await callAppt(emu, 'cancel', { appointmentId: id, reason: '临时有事' }, p.openid)).ok).toBe(
      true,
    );
    const again = await callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid);
    expect(again).toMatchObject({ ok: true });
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0]).toMatchObject({
      booked: 1,
      holders: [p.residentId],
    });
  });
});
