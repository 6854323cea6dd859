import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, pinClock } from './appointment-support';
import { fireTimer } from './scheduler-support';

// The nightly rollup runs by itself: the deployed stats function fired by its own timer trigger
// (config.json `rollup`) on the emulator clock stores today's sums of every institution, and the
// district dashboard then reads them (source 'rollup') with the same figures as the live path.
const DISTRICT_ADMIN = 'demo-district-admin';
let emu: TestEmulator;
let db: Any;
const stats = async (input: unknown, action = 'indicators'): Promise<Any> =>
  (await emu.callFn('stats', { action, input }, DISTRICT_ADMIN)).result;

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'stats']);
  db = emu.sdkApp().database();
}, 180_000);
afterAll(() => emu?.close());

it("the 03:00 timer stores every institution's sums; the district reads them in one go", async () => {
  pinClock(emu, '2026-11-26T03:00:00+08:00');
  const institutions = (await db.collection(COLLECTIONS.institutions).get()).data as Any[];
  expect(institutions.length).toBeGreaterThan(1);
  const before = await stats({ level: 'district', day: '2026-11-26' });
  expect(before.data.source).toBe('live');

  const fired = await fireTimer(emu, 'rollup', 'stats');
  expect(fired.result).toMatchObject({ ok: true, data: { day: '2026-11-26', remaining: 0 } });
  expect(fired.result.data.computed).toBe(institutions.length);
  const stored = (await db.collection(COLLECTIONS.statsRollups).where({ day: '2026-11-26' }).get())
    .data as Any[];
  expect(stored.map((r) => r.institutionId).sort()).toEqual(institutions.map((i) => i._id).sort());

  const after = await stats({ level: 'district', day: '2026-11-26' });
  expect(after.data.source).toBe('rollup');
  expect(after.data.indicators).toEqual(before.data.indicators);
  // The night's later runs find nothing left to do.
  expect((await fireTimer(emu, 'rollup', 'stats')).result.data).toMatchObject({ computed: 0, remaining: 0 });
});

it('a caller cannot pass for the timer', async () => {
  const forged = await emu.callFn('stats', { Type: 'Timer', TriggerName: 'rollup' }, DISTRICT_ADMIN);
  expect((forged.result as Any).ok).toBe(false);
});
