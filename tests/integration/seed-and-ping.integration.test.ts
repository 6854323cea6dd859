import { buildFunction } from '../../scripts/build-functions';
import { functionsOut } from '../../scripts/functions';
import { isSeeded, seed } from '../../scripts/seed';
import { COLLECTIONS } from '../../shared/constants/collections';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { ensureTestKeys } from '../support/identity';

// The `npm start` path: the real ping bundle behind the gateway, and the demo seed written
// through the real SDK into the emulator.
describe('local stack: ping through the gateway and the demo seed', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    ensureTestKeys(); // the seed seals demo residents' personal data
    await buildFunction('ping');
    emu = await startTestEmulator({ functionsDir: functionsOut });
  });
  afterAll(() => emu?.close());

  it('ping answers through POST /fn/ping with the caller from the gateway identity', async () => {
    expect(await emu.callFn('ping', { action: 'ping', input: {} })).toMatchObject({
      result: { ok: true, data: { pong: true, identified: false } },
    });
    expect(await emu.callFn('ping', { action: 'ping', input: {} }, 'demo-resident-1')).toMatchObject({
      result: {
        ok: true,
        data: {
          identified: true,
          // The variables cloudbaserc.json declares for ping reach it (the first deployment's check).
          platform: { openid: true, appid: true, env: { JY_PII_KEY: 'set', JY_DISTRICT_ADMINS: 'set' } },
        },
      },
    });
  });

  it('ping answers through the SDK callFunction as a deployed caller would', async () => {
    const res = await emu.sdkApp().callFunction({ name: 'ping', data: { action: 'ping', input: {} } });
    expect(res.result).toMatchObject({ ok: true, data: { pong: true } });
  });

  it('seeds the demo district once, and reseeding changes nothing', async () => {
    expect(await isSeeded(emu.url)).toBe(false);
    const written = await seed(emu.url);
    expect(written[COLLECTIONS.regions]).toBeGreaterThan(20);
    expect(await isSeeded(emu.url)).toBe(true);
    const db = emu.sdkApp().database();
    const count = async (c: string) => (await db.collection(c).count()).total;
    const before = [await count(COLLECTIONS.regions), await count(COLLECTIONS.teams)];
    await seed(emu.url);
    expect([await count(COLLECTIONS.regions), await count(COLLECTIONS.teams)]).toEqual(before);
    const { data } = await db.collection(COLLECTIONS.teams).doc('team-qs-1').get();
    expect(data[0]).toMatchObject({
      name: '青山镇第一家庭医生团队',
      institutionId: 'inst-qs',
      leaderStaffId: 'st-qs-1',
    });
  });

  it('every grid hangs under a village of the demo district', async () => {
    const db = emu.sdkApp().database();
    const { data } = await db.collection(COLLECTIONS.regions).where({ level: 'grid' }).limit(1000).get();
    expect(data.length).toBeGreaterThan(0);
    for (const g of data) expect(g.path[0]).toBe('r-demo');
  });
});
