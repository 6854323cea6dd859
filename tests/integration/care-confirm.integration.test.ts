import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { uploadSignatureAs } from '../support/signature';
import type { Any } from './appointment-support';

// Contract confirmation puts the newly signed resident under care: sign and confirm through the
// real contract function, and the resident appears on Dr Wang's worklist as due this quarter.
const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1 (team-cg-1)
const LEADER = 'demo-doctor-cg-1';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let emu: TestEmulator;
const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Any> =>
  (await emu.callFn(fn, { action, input }, openid)).result;

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'contract', 'care']);
}, 180_000);
afterAll(() => emu?.close());

it('a confirmed contract creates the care state: the resident is due for the quarterly contact', async () => {
  const before = (await call('care', 'coverage', {}, LEADER)).data;
  const signatureFileId = await uploadSignatureAs(emu, RESIDENT, PNG);
  const s = await call(
    'contract',
    'sign',
    {
      residentId: 'res-demo-1',
      teamId: 'team-cg-1',
      packageIds: ['pkg-basic'],
      consent: true,
      requestId: 'care-confirm',
      signatureFileId,
    },
    RESIDENT,
  );
  expect(s).toMatchObject({ ok: true });
  const c = await call('contract', 'confirm', { contractId: s.data.contractId }, LEADER);
  expect(c).toMatchObject({ ok: true, data: { status: 'active' } });

  const w = await call('care', 'worklist', { kind: 'contact.quarterly', limit: 50 }, LEADER);
  const mine = w.data.items.find((i: Any) => i.residentId === 'res-demo-1');
  expect(mine).toMatchObject({ state: 'due', reason: '本季度尚未联系' });
  const after = (await call('care', 'coverage', {}, LEADER)).data;
  expect(after.signed).toBe(before.signed + 1);
  const plan = await call('care', 'myPlan', {}, RESIDENT);
  expect(plan).toMatchObject({ ok: true, data: { underCare: true } });
});
