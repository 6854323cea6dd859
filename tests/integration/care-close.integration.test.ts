import { openCareForContract } from '../../cloudfunctions/_data/careStates.repo';
import type { Database } from '../../cloudfunctions/_lib/db';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { uploadSignatureAs } from '../support/signature';
import { type Any, makeResident, pinClock } from './appointment-support';
import { runInProcess } from './scheduler-support';

// A contract that ends takes the resident off the care worklists: no quarterly contact is owed to
// someone whose contract was terminated, or whose term ran out unrenewed (counted as signed by
// nobody). The contract side closes care; a renewal opens it again.
const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1 (team-cg-1)
const LEADER = 'demo-doctor-cg-1';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let emu: TestEmulator;
let db: Any;
const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Any> =>
  (await emu.callFn(fn, { action, input }, openid)).result;
// Pages through the leader's whole quarterly-contact worklist.
const onWorklist = async (residentId: string) => {
  for (let offset = 0; ; offset += 50) {
    const r = await call('care', 'worklist', { kind: 'contact.quarterly', limit: 50, offset }, LEADER);
    if (!r.ok) throw new Error(r.code);
    if ((r.data.items as Any[]).some((i) => i.residentId === residentId)) return true;
    if (!r.data.hasMore) return false;
  }
};
const careState = async (residentId: string) =>
  (await db.collection(COLLECTIONS.careStates).doc(residentId).get()).data[0] as Any;
const openTasks = async (residentId: string) =>
  (await db.collection(COLLECTIONS.careTasks).where({ residentId }).get()).data as Any[];

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'contract', 'care', 'scheduler']);
  db = emu.sdkApp().database();
}, 180_000);
afterAll(() => emu?.close());

it('terminating a contract takes the resident off the worklist in the same transaction', async () => {
  pinClock(emu, '2026-11-25T10:00:00+08:00');
  const signatureFileId = await uploadSignatureAs(emu, RESIDENT, PNG);
  const s = await call(
    'contract',
    'sign',
    {
      residentId: 'res-demo-1',
      teamId: 'team-cg-1',
      packageIds: ['pkg-basic'],
      consent: true,
      requestId: 'care-close',
      signatureFileId,
    },
    RESIDENT,
  );
  expect(s).toMatchObject({ ok: true });
  expect(await call('contract', 'confirm', { contractId: s.data.contractId }, LEADER)).toMatchObject({
    ok: true,
  });
  expect(await onWorklist('res-demo-1')).toBe(true);
  const signedBefore = (await call('care', 'coverage', {}, LEADER)).data.signed as number;

  const end = await call(
    'contract',
    'terminate',
    { contractId: s.data.contractId, reason: 'resident_request' },
    RESIDENT,
  );
  expect(end).toMatchObject({ ok: true, data: { status: 'terminated' } });
  expect(await onWorklist('res-demo-1')).toBe(false);
  expect(await careState('res-demo-1')).toMatchObject({
    status: 'removed',
    removedReason: 'contract_ended',
    chains: [],
  });
  expect(await openTasks('res-demo-1')).toHaveLength(0);
  expect((await call('care', 'coverage', {}, LEADER)).data.signed).toBe(signedBefore - 1);
  expect((await call('care', 'myPlan', {}, RESIDENT)).data.underCare).toBe(false);
});

it('a term that ends unrenewed closes care on the nightly run; a renewal afterwards opens it again', async () => {
  pinClock(emu, '2026-11-25T10:00:00+08:00');
  const me = await makeResident(emu, 'expiry', { signedTo: 'team-cg-1' }); // term 2026-01-01 … 2026-12-31
  const sdkDb = db as Database;
  expect(await openCareForContract(sdkDb, 'ct-res-expiry', new Date('2026-11-25T02:00:00Z'))).toBe(true);
  expect(await onWorklist(me.residentId)).toBe(true);

  // 2026-12-31 02:30 Shanghai, the last day of the term: nothing closes.
  const teamSigned = async () =>
    (await db.collection(COLLECTIONS.careCounters).doc('team:team-cg-1').get()).data[0].signed as number;
  const before = await teamSigned();
  await runInProcess(emu, new Date('2026-12-30T18:30:00Z'), { runId: 'exp-0', trigger: 'daily' });
  expect((await careState(me.residentId)).status).toBe('active');
  expect(await teamSigned()).toBe(before);

  // 2027-01-01 02:30 Shanghai: the term ended yesterday → off the lists, signed count down.
  await runInProcess(emu, new Date('2026-12-31T18:30:00Z'), { runId: 'exp-1', trigger: 'daily' });
  expect(await careState(me.residentId)).toMatchObject({
    status: 'removed',
    removedReason: 'contract_ended',
  });
  expect(await openTasks(me.residentId)).toHaveLength(0);
  expect(await teamSigned()).toBe(before - 1);
  // The same night run again changes nothing (idempotent).
  await runInProcess(emu, new Date('2026-12-31T18:40:00Z'), { runId: 'exp-2', trigger: 'daily' });
  expect(await teamSigned()).toBe(before - 1);

  // Renewed in the grace period: a new active contract puts the resident back under care.
  await db
    .collection(COLLECTIONS.contracts)
    .doc('ct-res-expiry-2027')
    .set({
      residentId: me.residentId,
      teamId: 'team-cg-1',
      institutionId: 'inst-cg',
      packageIds: ['pkg-basic'],
      kind: 'renewal',
      status: 'active',
      signedAt: new Date('2027-01-05T02:00:00Z'),
      signedBy: me.residentId,
      startDate: '2027-01-05',
      endDate: '2028-01-04',
    });
  expect(await openCareForContract(sdkDb, 'ct-res-expiry-2027', new Date('2027-01-05T02:00:00Z'))).toBe(true);
  expect(await careState(me.residentId)).toMatchObject({
    status: 'active',
    contractId: 'ct-res-expiry-2027',
  });
  expect(await teamSigned()).toBe(before);
});
