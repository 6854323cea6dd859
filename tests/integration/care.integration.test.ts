import { openCareForContract } from '../../cloudfunctions/_data/careStates.repo';
import type { Database } from '../../cloudfunctions/_lib/db';
import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, makeResident, pinClock } from './appointment-support';

// The care function through the real SDK against the emulator. Dr Wang (demo-doctor-cg-1) works
// in team-cg-1; test residents live in a grid of their own so the worklist can be filtered to them.
const DOCTOR = 'demo-doctor-cg-1';
const OTHER_DOCTOR = 'demo-doctor-qs-1';
const GRID = 'r-test-care';
const Q4 = '2026-11-05T10:00:00+08:00';
let emu: TestEmulator;
let db: Any;

const care = async (action: string, input: unknown, openid = DOCTOR): Promise<Any> =>
  (await emu.callFn('care', { action, input }, openid)).result;
const refused = (r: Any, code: string) =>
  expect(r).toMatchObject({ ok: false, code, message: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] });

/** A resident of team-cg-1 with a contract from 2026-10-01 to 2027-09-30, put under care at `now`. */
async function signed(key: string, tags: string[] = []): Promise<{ residentId: string; openid: string }> {
  const r = await makeResident(emu, key, { tags, gridId: GRID });
  await db
    .collection(COLLECTIONS.contracts)
    .doc(`ct-${r.residentId}`)
    .set({
      residentId: r.residentId,
      teamId: 'team-cg-1',
      institutionId: 'inst-cg',
      packageIds: ['pkg-basic'],
      kind: 'new',
      status: 'active',
      signedAt: new Date('2026-06-20T00:00:00Z'),
      signedBy: r.residentId,
      startDate: '2026-10-01',
      endDate: '2027-09-30',
    });
  return r;
}
const open = async (residentId: string, iso: string) =>
  openCareForContract(db as Database, `ct-${residentId}`, new Date(iso));

const items = async (input: object = {}) => {
  const r = await care('worklist', { gridId: GRID, limit: 50, ...input });
  if (!r.ok) console.log(JSON.stringify(await emu.getJson('/_emulator/api/log')).slice(-3000));
  expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
  return r.data.items as Any[];
};
const itemOf = async (residentId: string, kind: string) =>
  (await items({ kind })).find((i) => i.residentId === residentId);

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'care']);
  db = emu.sdkApp().database();
  pinClock(emu, Q4);
});
afterAll(() => emu?.close());

describe('quarterly contact', () => {
  it('a signed resident with no contact this quarter is due; a reached contact takes them off and coverage counts them; next quarter they are due again', async () => {
    const a = await signed('care-a');
    expect(await open(a.residentId, Q4)).toBe(true);
    expect(await open(a.residentId, Q4)).toBe(false); // idempotent

    const due = await itemOf(a.residentId, 'contact.quarterly');
    expect(due).toMatchObject({
      state: 'due',
      reason: '本季度尚未联系',
      start: '2026-10-01',
      end: '2026-12-31',
      daysLeft: 56,
    });
    expect(due.nameMasked).toMatch(/^测\*+a$/);
    const before = await care('coverage', { teamId: 'team-cg-1' });
    expect(before).toMatchObject({ ok: true, data: { scope: 'team', quarter: '2026-Q4', daysLeft: 56 } });

    const c = await care('recordContact', { residentId: a.residentId, channel: 'phone', outcome: 'reached' });
    expect(c).toMatchObject({
      ok: true,
      data: { outcome: 'reached', day: '2026-11-05', nextDue: '2027-01-01' },
    });
    expect(await itemOf(a.residentId, 'contact.quarterly')).toBeUndefined();

    const after = await care('coverage', { teamId: 'team-cg-1' });
    expect(after.data.contacted).toBe(before.data.contacted + 1);
    expect(after.data.signed).toBe(before.data.signed);
    expect(after.data.line).toMatch(/^本季度已联系 [\d,]+ \/ [\d,]+，还剩 56 天$/);
    // A second contact in the same quarter does not count twice.
    await care('recordContact', { residentId: a.residentId, channel: 'wechat', outcome: 'reached' });
    expect((await care('coverage', { teamId: 'team-cg-1' })).data.contacted).toBe(after.data.contacted);

    // The grid and institution see the same counters.
    const grid = await care('coverage', { gridId: GRID }, 'demo-admin-cg');
    expect(grid.ok === false ? grid.code : 'ok').toBe('OUT_OF_SCOPE'); // an admin's reach is the institution
    const inst = await care('coverage', { institutionId: 'inst-cg' }, 'demo-admin-cg');
    expect(inst).toMatchObject({ ok: true, data: { scope: 'institution' } });

    pinClock(emu, '2027-01-04T09:00:00+08:00');
    const again = await itemOf(a.residentId, 'contact.quarterly');
    expect(again).toMatchObject({ state: 'due', start: '2027-01-01', end: '2027-03-31' });
    const q1 = await care('coverage', { teamId: 'team-cg-1' });
    expect(q1.data).toMatchObject({ quarter: '2027-Q1', contacted: 0 });
    pinClock(emu, Q4);
  });

  it('call later brings the task back on the call-back day; not reachable counts an attempt', async () => {
    const b = await signed('care-b');
    await open(b.residentId, Q4);
    const later = await care('recordContact', {
      residentId: b.residentId,
      channel: 'phone',
      outcome: 'call_later',
      callBackDays: 3,
    });
    expect(later).toMatchObject({ ok: true, data: { nextDue: '2026-11-08' } });
    expect(await itemOf(b.residentId, 'contact.quarterly')).toBeUndefined();
    pinClock(emu, '2026-11-08T09:00:00+08:00');
    expect(await itemOf(b.residentId, 'contact.quarterly')).toMatchObject({
      state: 'due',
      callBack: '2026-11-08',
    });
    await care('recordContact', { residentId: b.residentId, channel: 'phone', outcome: 'unreachable' });
    expect(await itemOf(b.residentId, 'contact.quarterly')).toMatchObject({ attempts: 1 });
    pinClock(emu, Q4);
  });

  it('a removal without a reason is refused; with one the resident leaves every list and death ends the contract', async () => {
    const d = await signed('care-d');
    await open(d.residentId, Q4);
    const signedBefore = (await care('coverage', { teamId: 'team-cg-1' })).data.signed;
    refused(
      await care('recordContact', { residentId: d.residentId, channel: 'phone', outcome: 'removed' }),
      'REMOVAL_REASON_REQUIRED',
    );
    expect(await itemOf(d.residentId, 'contact.quarterly')).toBeDefined();
    expect(
      (await db.collection(COLLECTIONS.contacts).where({ residentId: d.residentId }).count()).total,
    ).toBe(0);

    const r = await care('recordContact', {
      residentId: d.residentId,
      channel: 'visit',
      outcome: 'removed',
      removalReason: 'deceased',
    });
    expect(r).toMatchObject({ ok: true, data: { removed: true, contractEnded: true } });
    expect(await itemOf(d.residentId, 'contact.quarterly')).toBeUndefined();
    const contract = (await db.collection(COLLECTIONS.contracts).doc(`ct-${d.residentId}`).get()).data[0];
    expect(contract).toMatchObject({ status: 'terminated', terminationReason: 'deceased' });
    expect((await care('coverage', { teamId: 'team-cg-1' })).data.signed).toBe(signedBefore - 1);
    refused(
      await care('recordContact', { residentId: d.residentId, channel: 'phone', outcome: 'reached' }),
      'NOT_UNDER_CARE',
    );
  });

  it('other teams are out of scope; residents cannot use the worklist', async () => {
    const e = await signed('care-e');
    await open(e.residentId, Q4);
    refused(
      await care(
        'recordContact',
        { residentId: e.residentId, channel: 'phone', outcome: 'reached' },
        OTHER_DOCTOR,
      ),
      'OUT_OF_SCOPE',
    );
    refused(await care('worklist', { teamId: 'team-cg-1' }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    refused(await care('worklist', {}, e.openid), 'FORBIDDEN');
  });
});

describe('referrals', () => {
  it('an up-referral schedules the follow-up due 14 days later: due on both edges, overdue the day after', async () => {
    const f = await signed('care-f', ['hypertension']);
    await open(f.residentId, Q4);
    const r = await care('refer', {
      residentId: f.residentId,
      direction: 'up',
      hospital: '浙大一院',
      reason: '血压控制不佳，联合用药无效',
      urgency: 'urgent',
    });
    expect(r).toMatchObject({
      ok: true,
      data: { day: '2026-11-05', followupDue: '2026-11-19', status: 'open' },
    });
    const first = await itemOf(f.residentId, 'followup.referral.2w');
    expect(first).toMatchObject({
      state: 'due',
      start: '2026-11-05',
      end: '2026-11-19',
      daysLeft: 14,
      reason: '转诊后2周随访',
    });
    pinClock(emu, '2026-11-19T23:30:00+08:00'); // last day, late evening Shanghai (15:30Z)
    expect(await itemOf(f.residentId, 'followup.referral.2w')).toMatchObject({ state: 'due', daysLeft: 0 });
    pinClock(emu, '2026-11-20T00:10:00+08:00'); // the day after (still 11-19 in UTC)
    expect(await itemOf(f.residentId, 'followup.referral.2w')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
    const outbox = (await db.collection(COLLECTIONS.outbox).doc(`care:${r.data.referralId}:followup`).get())
      .data[0];
    expect(outbox).toMatchObject({
      kind: 'care.referralFollowup',
      status: 'queued',
      to: { residentId: f.residentId },
    });

    // The follow-up resolves it (even late) and the referral records the day.
    const fu = await care('recordFollowup', {
      residentId: f.residentId,
      kind: 'referral',
      mode: 'phone',
      referralId: r.data.referralId,
    });
    expect(fu).toMatchObject({ ok: true });
    expect(fu.data.resolved).toContain('followup.referral.2w');
    expect(await itemOf(f.residentId, 'followup.referral.2w')).toBeUndefined();
    const tl = await care('timeline', { residentId: f.residentId });
    expect(tl.ok).toBe(true);
    expect(tl.data.entries.map((e: Any) => e.type)).toEqual(
      expect.arrayContaining(['referral', 'followup', 'contract']),
    );
    pinClock(emu, Q4);
  });

  it('a follow-up on the referral day itself resolves it (first edge)', async () => {
    const g = await signed('care-g');
    await open(g.residentId, Q4);
    const r = await care('refer', {
      residentId: g.residentId,
      direction: 'up',
      hospital: '市一医院',
      reason: '胸痛待查',
    });
    const fu = await care('recordFollowup', {
      residentId: g.residentId,
      kind: 'referral',
      mode: 'phone',
      referralId: r.data.referralId,
    });
    expect(fu.data.resolved).toContain('followup.referral.2w');
    refused(
      await care('updateReferral', { referralId: r.data.referralId, status: 'accepted' }, OTHER_DOCTOR),
      'OUT_OF_SCOPE',
    );
    expect(
      await care('updateReferral', { referralId: r.data.referralId, status: 'completed' }),
    ).toMatchObject({
      ok: true,
      data: { status: 'completed', followedUpOn: '2026-11-05' },
    });
    refused(
      await care('updateReferral', { referralId: r.data.referralId, status: 'accepted' }),
      'ILLEGAL_TRANSITION',
    );
  });
});

describe('follow-ups', () => {
  it("a diabetic's second unsatisfactory glucose result raises a referral suggestion", async () => {
    const h = await signed('care-h', ['diabetes']);
    await open(h.residentId, Q4);
    expect(await itemOf(h.residentId, 'test.diabetes.glucose.quarterly')).toMatchObject({ state: 'due' });
    const one = await care('recordFollowup', {
      residentId: h.residentId,
      kind: 'glucose_test',
      mode: 'face_to_face',
      measurements: { glucose: 7.8 },
    });
    expect(one).toMatchObject({ ok: true });
    expect(one.data.suggestion).toBeUndefined();
    expect(one.data.resolved).toContain('test.diabetes.glucose.quarterly');
    pinClock(emu, '2026-11-06T10:00:00+08:00');
    const two = await care('recordFollowup', {
      residentId: h.residentId,
      kind: 'glucose_test',
      mode: 'face_to_face',
      measurements: { glucose: 8.4 },
    });
    expect(two).toMatchObject({ ok: true, data: { suggestion: { reason: '连续2次空腹血糖控制不满意' } } });
    expect(await itemOf(h.residentId, 'suggest.referral')).toMatchObject({ state: 'due' });
    // Not stable: no long prescription until referred.
    refused(
      await care('prescribeLong', {
        residentId: h.residentId,
        condition: 'diabetes',
        drugs: ['二甲双胍'],
        endDay: '2026-12-31',
      }),
      'NOT_STABLE_CHRONIC',
    );
    await care('refer', {
      residentId: h.residentId,
      direction: 'up',
      hospital: '市一医院',
      reason: '血糖控制不满意',
    });
    expect(await itemOf(h.residentId, 'suggest.referral')).toBeUndefined();
    pinClock(emu, Q4);
  });

  it('values are validated; severe mental follow-ups need a risk level and an unstable one suggests referral', async () => {
    const k = await signed('care-k', ['severe_mental', 'hypertension']);
    await open(k.residentId, Q4);
    const bad = await care('recordFollowup', {
      residentId: k.residentId,
      kind: 'severe_mental',
      mode: 'home_visit',
    });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const bp = await care('recordFollowup', {
      residentId: k.residentId,
      kind: 'hypertension',
      mode: 'face_to_face',
      measurements: { systolic: 80, diastolic: 95 },
    });
    refused(bp, 'IMPLAUSIBLE_VALUE');
    const range = await care('recordFollowup', {
      residentId: k.residentId,
      kind: 'hypertension',
      mode: 'face_to_face',
      measurements: { systolic: 400, diastolic: 95 },
    });
    expect(range).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const smi = await care('recordFollowup', {
      residentId: k.residentId,
      kind: 'severe_mental',
      mode: 'home_visit',
      riskLevel: 3,
    });
    expect(smi.data.suggestion.reason).toMatch(/3级/);
  });
});

describe('long prescriptions and the resident plan', () => {
  it('up to 2 months for a stable chronic patient; the resident sees their plan', async () => {
    const m = await signed('care-m', ['hypertension']);
    await open(m.residentId, Q4);
    refused(
      await care('prescribeLong', {
        residentId: m.residentId,
        condition: 'hypertension',
        drugs: ['氨氯地平'],
        endDay: '2027-01-05',
      }),
      'PRESCRIPTION_TOO_LONG',
    );
    refused(
      await care('prescribeLong', {
        residentId: m.residentId,
        condition: 'diabetes',
        drugs: ['二甲双胍'],
        endDay: '2026-12-31',
      }),
      'NOT_STABLE_CHRONIC',
    );
    const rx = await care('prescribeLong', {
      residentId: m.residentId,
      condition: 'hypertension',
      drugs: ['氨氯地平'],
      endDay: '2027-01-04',
    });
    expect(rx).toMatchObject({ ok: true, data: { startDay: '2026-11-05', endDay: '2027-01-04' } });
    const plan = await care('myPlan', {}, m.openid);
    expect(plan.ok).toBe(true);
    expect(plan.data.underCare).toBe(true);
    expect(plan.data.plan.map((p: Any) => p.kind)).toEqual(
      expect.arrayContaining(['contact.quarterly', 'followup.hypertension.quarterly', 'prescription.refill']),
    );
    expect(plan.data.prescriptions).toHaveLength(1);
    refused(await care('myPlan', { residentId: 'res-care-a' }, m.openid), 'OUT_OF_SCOPE');
    const own = await care('timeline', { residentId: m.residentId }, m.openid);
    expect(own.ok).toBe(true);
  });
});
