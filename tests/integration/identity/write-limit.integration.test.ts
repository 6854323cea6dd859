import { takeUserToken, type WriteWindow } from '../../../cloudfunctions/_lib/rateLimit';
import { COLLECTIONS } from '../../../shared/constants/collections';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

// The write limit of a caller with a users document: the guard read the window with the caller,
// so deciding costs one conditional update. Through the real SDK against the emulator.
const LIMIT = { windowMs: 60_000, max: 3 };
const AT = new Date('2026-11-25T04:00:10Z');
const WINDOW = Date.parse('2026-11-25T04:00:00Z');

describe('write limit kept on the users document', () => {
  let emu: TestEmulator;
  let n = 0;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu?.close());

  const db = () => emu.sdkApp().database();
  const newUser = async (writes?: WriteWindow) => {
    const _id = `u_limit_${++n}`;
    await db()
      .collection(COLLECTIONS.users)
      .add({ _id, openid: `limit-openid-${n}`, role: 'resident', ...(writes ? { writes } : {}) });
    return _id;
  };
  const windowOf = async (id: string) =>
    ((await db().collection(COLLECTIONS.users).doc(id).get()).data[0] as { writes?: WriteWindow }).writes;

  it('opens a window on the first write and counts the next ones', async () => {
    const id = await newUser();
    expect(await takeUserToken(db(), id, undefined, LIMIT, AT)).toBe(true);
    expect(await windowOf(id)).toEqual({ start: WINDOW, count: 1 });
    expect(await takeUserToken(db(), id, { start: WINDOW, count: 1 }, LIMIT, AT)).toBe(true);
    expect(await windowOf(id)).toEqual({ start: WINDOW, count: 2 });
  });

  it('refuses a full window without touching it, and starts afresh in the next minute', async () => {
    const full = { start: WINDOW, count: LIMIT.max };
    const id = await newUser(full);
    expect(await takeUserToken(db(), id, full, LIMIT, AT)).toBe(false);
    expect(await windowOf(id)).toEqual(full);
    const nextMinute = new Date(WINDOW + 60_000);
    expect(await takeUserToken(db(), id, full, LIMIT, nextMinute)).toBe(true);
    expect(await windowOf(id)).toEqual({ start: WINDOW + 60_000, count: 1 });
  });

  it('a stale read never lets writes past the limit: the stored count decides', async () => {
    const id = await newUser({ start: WINDOW, count: LIMIT.max });
    // The caller read an older state (count 1), but the document is already full.
    expect(await takeUserToken(db(), id, { start: WINDOW, count: 1 }, LIMIT, AT)).toBe(false);
  });

  it('concurrent first writes each count once: the loser joins the window the winner opened', async () => {
    const id = await newUser();
    const results = await Promise.all([1, 2].map(() => takeUserToken(db(), id, undefined, LIMIT, AT)));
    expect(results).toEqual([true, true]);
    expect(await windowOf(id)).toEqual({ start: WINDOW, count: 2 });
  });
});
