// Declared indexes: uniqueness on insert/update/transactions, partial unique indexes, and
// equality look-ups answered without scanning the collection.
import { COLLECTIONS } from '@shared/constants/collections';
import { INDEXES } from '@shared/db/indexes';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

let emu: TestEmulator;
let db: Any;

beforeAll(async () => {
  emu = await startTestEmulator({
    extraIndexes: [
      // "One live contract per resident": unique only among live contracts.
      {
        collection: COLLECTIONS.contracts,
        name: 'test_one_live_per_resident',
        keys: { residentId: 1 },
        unique: true,
        partialFilterExpression: { status: { $in: ['pending', 'active'] } },
      },
    ],
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

test('partial unique index: one live contract per resident, ended ones do not count', async () => {
  const contracts = db.collection(COLLECTIONS.contracts);
  await contracts.add({ residentId: 'r1', status: 'active' });
  expect(await codeOf(contracts.add({ residentId: 'r1', status: 'pending' }))).toBe(
    'DATABASE_DUPLICATE_WRITE',
  );
  await contracts.add({ residentId: 'r1', status: 'terminated' });
  await contracts.add({ residentId: 'r1', status: 'expired' });
  await contracts.where({ residentId: 'r1', status: 'active' }).update({ status: 'terminated' });
  const { id } = await contracts.add({ residentId: 'r1', status: 'pending' });
  expect(
    await codeOf(contracts.where({ residentId: 'r1', status: 'expired' }).update({ status: 'active' })),
  ).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await contracts.doc(id).get()).data[0].status).toBe('pending');
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
