import type { ActionDef } from '../../../shared/api/define';
import { ACTIONS } from '../../../shared/api/registry';
import { COLLECTIONS } from '../../../shared/constants/collections';
import type { CallerRole, Scope } from '../../../shared/constants/roles';
import type { TestEmulator } from '../../support/emulator';
import { OTHER_DISTRICT_ADMIN, startSeededEmulator } from '../../support/identity';
import { uploadSignatureAs } from '../../support/signature';

// Issue 11, property-style: EVERY action in shared/api/registry.ts whose input names a resident,
// contract, appointment, home visit or team is called by a caller of EACH allowed role whose own
// scope does not reach the target — supplying their own team / grid / area ids wherever the input
// lets them — and must answer OUT_OF_SCOPE or FORBIDDEN (or NOT_FOUND inside its own records). Actions are discovered from the registry,
// so new functions (care, grid, education, stats, consult…) are walked when they land.
//
// HOW TO ADD AN ACTION: add an entry to FIXTURES below keyed `fn.action`, building a VALID input
// (BAD_INPUT fails the walk: it would prove nothing) from `t` (the target: records of 东门社区,
// team-cg-1, inst-cg) and `own` (the caller's own ids). An action with no fixture fails the walk.

const TARGET_KEYS = ['residentId', 'contractId', 'appointmentId', 'homeVisitId', 'teamId'] as const;

/** Callers outside the target's reach, per role; `ownTeam`/`ownArea` are what they may name. */
const CALLERS: Partial<
  Record<CallerRole, { openid: string; ownTeam?: string; ownArea?: string; ownResident?: string }>
> = {
  resident: { openid: 'demo-resident-3', ownResident: 'res-demo-3', ownArea: 'r-hk-hk' },
  doctor: { openid: 'demo-doctor-hk-1', ownTeam: 'team-hk-1', ownArea: 'r-hk-hk' },
  grid_worker: { openid: 'demo-grid-qs-qs-g1', ownArea: 'r-qs-qs-g1' },
  institution_admin: { openid: 'demo-admin-qs', ownTeam: 'team-qs-1', ownArea: 'r-qs-qs' },
  district_admin: { openid: OTHER_DISTRICT_ADMIN },
};
/**
 * Demo staff all belong to the demo district, so a `district`-scoped doctor or institution admin
 * reaches every target: no caller of theirs lies outside. Only the other district's admin does.
 */
const hasOutsider = (role: CallerRole, scope: Scope) =>
  scope !== 'public' && CALLERS[role] !== undefined && (scope !== 'district' || role === 'district_admin');

type Target = {
  residentId: string;
  contractId: string;
  appointmentId: string;
  homeVisitId: string;
  teamId: string;
  slotId: string;
  signatureFileId: string;
};
type Own = { ownTeam?: string; ownArea?: string; ownResident?: string; signatureFileId: string };
type Fixture = (t: Target, own: Own) => Record<string, unknown>;

const DAY = '2026-12-09';
const team = (t: Target, own: Own) => own.ownTeam ?? t.teamId;
let mobileNo = 0;

const FIXTURES: Record<string, Fixture> = {
  'user.removeFamilyMember': (t) => ({ residentId: t.residentId }),
  'user.withdrawConsent': (t) => ({ residentId: t.residentId }),
  'user.createStaff': (t) => ({
    name: '越权新人',
    mobile: `1390000${String(++mobileNo).padStart(4, '0')}`,
    role: 'doctor',
    teamId: t.teamId,
    position: 'gp',
  }),
  'user.revealIdentity': (t) => ({ residentId: t.residentId, field: 'mobile' }),
  'user.setResidence': (t, own) => ({
    residentId: t.residentId,
    residence: { regionId: own.ownArea ?? 'r-hk-hk', address: '越权路1号' },
  }),
  'contract.quote': (t, own) => ({
    residentId: t.residentId,
    teamId: team(t, own),
    packageIds: ['pkg-basic'],
  }),
  'contract.sign': (t, own) => ({
    residentId: t.residentId,
    teamId: team(t, own),
    packageIds: ['pkg-basic'],
    consent: true,
    requestId: `walk-${++mobileNo}`,
    signatureFileId: own.signatureFileId,
  }),
  'contract.eligibility': (t, own) => ({ residentId: t.residentId, teamId: team(t, own) }),
  'contract.withdraw': (t) => ({ contractId: t.contractId }),
  'contract.confirm': (t) => ({ contractId: t.contractId }),
  'contract.reject': (t) => ({ contractId: t.contractId, reason: '越权拒绝' }),
  'contract.renew': (t, own) => ({
    contractId: t.contractId,
    requestId: `walk-${++mobileNo}`,
    signatureFileId: own.signatureFileId,
  }),
  'contract.changeTeam': (t, own) => ({
    contractId: t.contractId,
    teamId: own.ownTeam ?? 'team-hk-1',
    packageIds: ['pkg-basic'],
    consent: true,
    requestId: `walk-${++mobileNo}`,
    signatureFileId: own.signatureFileId,
  }),
  'contract.terminate': (t) => ({ contractId: t.contractId, reason: 'moved_away' }),
  'contract.pendingList': (t) => ({ teamId: t.teamId }),
  'contract.teamContracts': (t) => ({ teamId: t.teamId }),
  'contract.verify': (t) => ({ contractId: t.contractId }),
  'contract.pdf': (t) => ({ contractId: t.contractId }),
  'appointment.availability': (t) => ({ teamId: t.teamId, from: DAY, to: DAY }),
  'appointment.book': (t) => ({ slotId: t.slotId, residentId: t.residentId }),
  'appointment.cancel': (t) => ({ appointmentId: t.appointmentId, reason: '越权取消' }),
  'appointment.reschedule': (t) => ({ appointmentId: t.appointmentId, slotId: t.slotId }),
  'appointment.agenda': (t) => ({ day: DAY, teamId: t.teamId }),
  'appointment.markAttended': (t) => ({ appointmentId: t.appointmentId }),
  'appointment.markNoShow': (t) => ({ appointmentId: t.appointmentId }),
  'appointment.setSchedule': (t) => ({
    doctorId: 'st-cg-1',
    teamId: t.teamId,
    from: '2026-12-01',
    to: '2027-03-01',
    weekly: [{ weekday: 1, start: '08:00', end: '09:00', capacity: 5 }],
  }),
  'appointment.schedules': (t) => ({ teamId: t.teamId }),
  'appointment.requestHomeVisit': (t) => ({
    residentId: t.residentId,
    need: 'bedridden',
    preferredDay: DAY,
    address: '东门路1号',
    reason: '越权申请',
  }),
  'appointment.acceptHomeVisit': (t) => ({ homeVisitId: t.homeVisitId, visitDay: DAY, time: '09:00' }),
  'appointment.declineHomeVisit': (t) => ({ homeVisitId: t.homeVisitId, reason: '越权拒绝' }),
  'education.reach': (t) => ({ teamId: t.teamId }),
  'consult.open': (t) => ({ residentId: t.residentId }),
  'consult.send': (t) => ({ residentId: t.residentId, text: '请问血压药要不要换？' }),
  'consult.thread': (t) => ({ residentId: t.residentId }),
  'consult.inbox': (t) => ({ teamId: t.teamId }),
  'consult.templates': (t) => ({ teamId: t.teamId }),
  'consult.saveTemplate': (t) => ({ teamId: t.teamId, title: '越权', text: '越权新增模板' }),
  'consult.link': (t) => ({ residentId: t.residentId, kind: 'booking' }),
  'care.worklist': (t) => ({ teamId: t.teamId }),
  'care.recordContact': (t) => ({ residentId: t.residentId, channel: 'phone', outcome: 'reached' }),
  'care.recordFollowup': (t) => ({ residentId: t.residentId, kind: 'hypertension', mode: 'phone' }),
  'care.refer': (t) => ({
    residentId: t.residentId,
    direction: 'up',
    hospital: '区人民医院',
    reason: '越权转诊',
  }),
  'care.prescribeLong': (t) => ({
    residentId: t.residentId,
    condition: 'hypertension',
    drugs: ['氨氯地平'],
    endDay: '2027-01-09',
  }),
  'care.timeline': (t) => ({ residentId: t.residentId }),
  'care.phoneNumber': (t) => ({ residentId: t.residentId }),
  'care.myPlan': (t) => ({ residentId: t.residentId }),
  'grid.updateMember': (t) => ({ residentId: t.residentId, relation: 'other' }),
  'grid.moveOut': (t) => ({ requestId: `walk-move-${++mobileNo}`, residentId: t.residentId }),
  // The caller's own household (their grid) with the target resident named in it.
  'grid.report': (t, own) => ({
    requestId: `walk-report-${++mobileNo}`,
    householdId: own.ownArea === 'r-qs-qs-g1' ? 'hh-qs-1' : 'hh-dm-2',
    residentId: t.residentId,
    kind: 'key_population',
    tag: 'elderly',
  }),
};

/** The top-level input fields of an action (zod object, possibly refined). */
const fieldsOf = (def: ActionDef): string[] => {
  // biome-ignore lint/suspicious/noExplicitAny: reading zod internals generically
  const s = def.input as any;
  return Object.keys(s.shape ?? s._zod?.def?.shape ?? s._def?.schema?.shape ?? {});
};
const targeted = ACTIONS.filter((a) =>
  fieldsOf(a).some((f) => (TARGET_KEYS as readonly string[]).includes(f)),
);
const walked = targeted.filter((a) =>
  (Object.entries(a.access) as [CallerRole, Scope][]).some(([role, scope]) => hasOutsider(role, scope)),
);

// biome-ignore lint/suspicious/noExplicitAny: envelopes are read loosely in tests
type Env = { ok: boolean; code?: string; data?: any };
let emu: TestEmulator;
let offset = 0;
const target = {} as Target;
const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Env> =>
  (await emu.callFn(fn, { action, input }, openid)).result as Env;

beforeAll(async () => {
  emu = await startSeededEmulator([
    ...new Set(['user', 'contract', 'appointment', ...ACTIONS.map((a) => a.fn)]),
  ]);
  offset = new Date('2026-12-07T09:00:00+08:00').getTime() - Date.now();
  emu.setClockOffset(offset);
  // The target world: 张秀兰 (res-demo-1, 东门社区, team-cg-1, inst-cg) with a live contract, a
  // booking and a home-visit request — made through the functions where they exist.
  const sig = await uploadSignatureAs(emu, 'demo-resident-1');
  const signed = await call(
    'contract',
    'sign',
    {
      residentId: 'res-demo-1',
      teamId: 'team-cg-1',
      packageIds: ['pkg-basic'],
      consent: true,
      requestId: 'walk-target',
      signatureFileId: sig,
    },
    'demo-resident-1',
  );
  const contractId =
    signed.data?.contractId ??
    (await call('contract', 'mine', {}, 'demo-resident-1')).data.contracts[0].contractId;
  await call('contract', 'confirm', { contractId }, 'demo-doctor-cg-1');
  const slots = await call(
    'appointment',
    'availability',
    { teamId: 'team-cg-1', from: DAY, to: DAY },
    'demo-resident-1',
  );
  const slotId = slots.data.slots[0].slotId;
  const booked = await call('appointment', 'book', { slotId, residentId: 'res-demo-1' }, 'demo-resident-1');
  expect(booked.ok).toBe(true);
  const db = emu.sdkApp().database();
  await db.collection(COLLECTIONS.appointments).doc('hv-walk').set({
    type: 'home_visit',
    residentId: 'res-demo-1',
    teamId: 'team-cg-1',
    need: 'bedridden',
    preferredDay: DAY,
    address: '东门路1号',
    reason: '卧床',
    status: 'requested',
    requestedAt: new Date(),
    requestedByUserId: 'u_walk',
  });
  Object.assign(target, {
    residentId: 'res-demo-1',
    contractId,
    appointmentId: booked.data.appointmentId,
    homeVisitId: 'hv-walk',
    teamId: 'team-cg-1',
    slotId,
  });
}, 300_000);
afterAll(() => emu?.close());

it('has a fixture for every registry action that takes a resident, contract, appointment or team id', () => {
  const missing = walked.map((a) => `${a.fn}.${a.action}`).filter((k) => !FIXTURES[k]);
  // Add each to FIXTURES in tests/integration/hardening/scope-walk.integration.test.ts.
  expect(missing).toEqual([]);
});

describe.each(walked.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (key, def) => {
  const roles = (Object.entries(def.access) as [CallerRole, Scope][]).filter(([r, s]) => hasOutsider(r, s));
  it.each(roles)('as a %s (scope %s) outside the target: refused', async (role) => {
    const fixture = FIXTURES[key];
    if (!fixture) return; // reported by the fixture test above
    const caller = CALLERS[role] ?? { openid: '' };
    const signatureFileId =
      role === 'resident' || role === 'doctor' || role === 'grid_worker'
        ? await uploadSignatureAs(emu, caller.openid).catch(() => 'cloud://local-dev.x/none.png')
        : 'cloud://local-dev.x/none.png';
    const input = fixture(target, { ...caller, signatureFileId });
    let r = await call(def.fn, def.action, input, caller.openid);
    if (r.code === 'RATE_LIMITED') {
      // Many writes from one caller: move past the write window and ask again.
      offset += 61_000;
      emu.setClockOffset(offset);
      r = await call(def.fn, def.action, input, caller.openid);
    }
    expect({ key, role, answer: r.code }).toEqual({
      key,
      role,
      // NOT_FOUND: the target is not among the caller's own records (e.g. not a member of the
      // caller's own household) — refused without saying whether it exists elsewhere.
      answer: expect.stringMatching(/^(OUT_OF_SCOPE|FORBIDDEN|NOT_FOUND)$/),
    });
  });
});
