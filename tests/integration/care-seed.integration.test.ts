import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import type { Any } from './appointment-support';

// The demo seed's care quarter: every worklist state appears for Dr Wang, and jumping the clock a
// quarter ahead (what `npm run clock -- +92d` does) changes the worklist.
let emu: TestEmulator;
const care = async (action: string, input: unknown): Promise<Any> =>
  (await emu.callFn('care', { action, input }, 'demo-doctor-cg-1')).result;

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'care']);
});
afterAll(() => emu?.close());

it('the seeded quarter shows overdue, due and soon work, a referral awaiting follow-up and a referral suggestion', async () => {
  const w = await care('worklist', { limit: 50 });
  expect(w.ok).toBe(true);
  const states = new Set(w.data.items.map((i: Any) => i.state));
  expect([...states].sort()).toEqual(['due', 'overdue', 'soon']);
  const kinds = w.data.items.map((i: Any) => i.kind);
  expect(kinds).toEqual(
    expect.arrayContaining(['followup.referral.2w', 'suggest.referral', 'prescription.refill']),
  );
  const cov = await care('coverage', {});
  expect(cov.data.contacted).toBeGreaterThan(0);
  expect(cov.data.notContacted).toBeGreaterThan(0);

  const before = w.data.items.map((i: Any) => i.taskId).sort();
  emu.setClockOffset(92 * 86_400_000);
  const later = await care('worklist', { limit: 50 });
  expect(later.data.items.map((i: Any) => i.taskId).sort()).not.toEqual(before);
  // 吴德明 was contacted this quarter: next quarter he is due again.
  expect(
    later.data.items.some((i: Any) => i.residentId === 'res-care-k3' && i.kind === 'contact.quarterly'),
  ).toBe(true);
  expect(
    w.data.items.some((i: Any) => i.residentId === 'res-care-k3' && i.kind === 'contact.quarterly'),
  ).toBe(false);
});
