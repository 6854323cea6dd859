// Declared indexes: uniqueness on insert/update/transactions, a missing field counting as null,
// start-up refusing what CloudBase cannot create, and equality look-ups answered without scanning.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS } from '@shared/constants/collections';
import { INDEXES } from '@shared/db/indexes';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

let emu: TestEmulator;
let db: Any;

beforeAll(async () => {
  emu = await startTestEmulator({
    extraIndexes: [{ collection: COLLECTIONS.jobs, name: 'test_key_unique', keys: { key: 1 }, unique: true }],
  });
  db = emu.sdkApp().database();
});
afterAll(async () => {
  await emu.close();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'NO_ERROR';
}

const scans = async () => (await emu.getJson<{ scans: number }>('/_emulator/api/stats')).scans;

test('the declared index file is loaded and every index names a known collection', async () => {
  const colls = await emu.getJson<Array<{ name: string; indexes: Array<{ name: string }> }>>(
    '/_emulator/api/collections',
  );
  for (const spec of INDEXES) {
    const c = colls.find((x) => x.name === spec.collection);
    expect(c?.indexes.map((i) => i.name)).toContain(spec.name);
  }
});

test('unique index: insert, multi-insert and update cannot create a duplicate', async () => {
  const users = db.collection(COLLECTIONS.users);
  const { id } = await users.add({ openid: 'o-1', name: 'a' });
  expect(await codeOf(users.add({ openid: 'o-1', name: 'b' }))).toBe('DATABASE_DUPLICATE_WRITE');
  // A batch with one clash inserts nothing.
  expect(await codeOf(users.add([{ openid: 'o-2' }, { openid: 'o-1' }]))).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await codeOf(users.add([{ openid: 'o-3' }, { openid: 'o-3' }]))).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await users.where({ openid: db.command.in(['o-2', 'o-3']) }).count()).total).toBe(0);
  const other = await users.add({ openid: 'o-4' });
  expect(await codeOf(users.doc(other.id).update({ openid: 'o-1' }))).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await codeOf(users.doc(other.id).set({ openid: 'o-1' }))).toBe('DATABASE_DUPLICATE_WRITE');
  // Updating a document to its own key, or freeing a key and reusing it, is fine.
  await users.doc(id).update({ openid: 'o-1', name: 'renamed' });
  await users.doc(id).update({ openid: 'o-9' });
  await users.doc(other.id).update({ openid: 'o-1' });
  expect((await users.where({ openid: 'o-1' }).get()).data.map((d: Any) => d._id)).toEqual([other.id]);
});

test('unique index inside a transaction: the commit is refused and nothing is applied', async () => {
  const users = db.collection(COLLECTIONS.users);
  await users.add({ openid: 'tx-dup' });
  const t = await db.startTransaction();
  await t.collection(COLLECTIONS.users).doc('tx-new-user').set({ openid: 'tx-dup' });
  await t.collection(COLLECTIONS.users).doc('tx-other').set({ openid: 'tx-fine' });
  expect(await codeOf(t.commit())).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await users.where({ openid: 'tx-fine' }).count()).total).toBe(0);
});

test('a missing field counts as null: a unique index admits one document without the field', async () => {
  const jobs = db.collection(COLLECTIONS.jobs);
  await jobs.add({ key: 'k1' });
  await jobs.add({ other: 1 }); // no key: indexed as null
  expect(await codeOf(jobs.add({ other: 2 }))).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await codeOf(jobs.add({ key: null }))).toBe('DATABASE_DUPLICATE_WRITE');
  const { id } = await jobs.add({ key: 'k2' });
  // Removing the field from a second document clashes with the first null too.
  expect(await codeOf(jobs.doc(id).update({ key: db.command.remove() }))).toBe('DATABASE_DUPLICATE_WRITE');
});

describe('start-up refuses index declarations CloudBase cannot create', () => {
  const refused = async (extra: Record<string, unknown>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-emu-refuse-'));
    try {
      await startTestEmulator({
        dataDir,
        extraIndexes: [
          {
            collection: COLLECTIONS.contracts,
            name: 'test_refused',
            keys: { residentId: 1 },
            unique: true,
            ...extra,
          } as never,
        ],
      }).then((e) => e.close());
      return 'started';
    } catch (e) {
      return (e as Error).message;
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  it.each([
    ['a partial filter', { partialFilterExpression: { status: 'pending' } }, 'partialFilterExpression'],
    ['a sparse index', { sparse: true }, 'sparse'],
    ['a TTL', { expireAfterSeconds: 60 }, 'expireAfterSeconds'],
  ])('%s', async (_what, extra, option) => {
    const message = await refused(extra);
    expect(message).toContain('emulator start-up refused');
    expect(message).toContain(`index contracts.test_refused declares ${option}`);
    expect(message).toContain('CloudBase indexes take only keys and unique');
  });

  it('bad keys and a non-boolean unique', async () => {
    expect(await refused({ keys: {} })).toContain('has no keys');
    expect(await refused({ keys: { a: 'text' } })).toContain('key a must be 1 or -1');
    expect(await refused({ unique: 'yes' })).toContain('unique must be true or false');
  });

  it('the declared index file itself passes', async () => {
    expect(await refused({})).toBe('started');
  });
});

test('equality look-ups on indexed fields do not scan; unindexed ones do', async () => {
  const residents = db.collection(COLLECTIONS.residents);
  await residents.add(
    Array.from({ length: 500 }, (_x, i) => ({ idHash: `h${i}`, householdId: `hh${i % 50}`, age: i })),
  );
  const before = await scans();
  expect((await residents.where({ idHash: 'h123' }).get()).data[0].age).toBe(123);
  expect((await residents.where({ householdId: 'hh7' }).count()).total).toBe(10);
  expect(
    (await residents.where({ householdId: db.command.in(['hh1', 'hh2']), age: db.command.gt(100) }).count())
      .total,
  ).toBe(16);
  expect(
    (await residents.doc((await residents.where({ idHash: 'h5' }).get()).data[0]._id).get()).data,
  ).toHaveLength(1);
  await residents.where({ idHash: 'h124' }).update({ seen: true });
  expect(await scans()).toBe(before);
  expect((await residents.where({ age: 42 }).get()).data[0].idHash).toBe('h42');
  expect(await scans()).toBe(before + 1);
  // Compound index: both fields pinned.
  const b2 = await scans();
  await db.collection(COLLECTIONS.contracts).where({ teamId: 't', status: 'active' }).get();
  expect(await scans()).toBe(b2);
});
