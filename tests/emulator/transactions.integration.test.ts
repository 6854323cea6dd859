// Transactions through the real SDK: snapshot reads, write-write conflicts that fail at once (as on
// CloudBase), retries with back-off, rollback.
import { COLLECTIONS } from '@shared/constants/collections';
import { inTransaction } from '../../cloudfunctions/_lib/db';
import { contextApp, startTestEmulator, type TestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

let emu: TestEmulator;
let db: Any;
const C = COLLECTIONS.jobs;

beforeAll(async () => {
  emu = await startTestEmulator();
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

test('a write to a document locked by another transaction fails at once (no waiting)', async () => {
  await db.collection(C).doc('locked').set({ v: 0 });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection(C).doc('locked').update({ v: 1 });
  // Reads take no lock: t2 still reads its snapshot of the locked document.
  expect((await t2.collection(C).doc('locked').get()).data.v).toBe(0);
  const started = Date.now();
  expect(await codeOf(t2.collection(C).doc('locked').update({ v: 2 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(Date.now() - started).toBeLessThan(1_000);
  // The conflict finished t2; t1 commits normally.
  expect(await codeOf(t2.collection(C).doc('other').get())).toBe('DATABASE_TRANSACTION_FAIL');
  await t1.commit();
  expect((await db.collection(C).doc('locked').get()).data[0].v).toBe(1);
});

test('50 concurrent runTransaction increments: every success counted once, losers conflict (SDK retries only 3 times)', async () => {
  await db.collection(C).doc('counter').set({ n: 0 });
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, () =>
      db.runTransaction(async (t: Any) => {
        const { data } = await t.collection(C).doc('counter').get();
        await t
          .collection(C)
          .doc('counter')
          .update({ n: data.n + 1 });
      }),
    ),
  );
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
  for (const f of failed) expect(String(f.reason?.code ?? f.reason?.message)).toMatch(/TRANSACTION_CONFLICT/);
  expect(ok).toBeGreaterThanOrEqual(1);
  // No lost update: the counter equals the number of committed transactions.
  expect((await db.collection(C).doc('counter').get()).data[0].n).toBe(ok);
});

test('50 concurrent increments with jittered back-off retries (inTransaction) all succeed', async () => {
  await db.collection(C).doc('counter2').set({ n: 0 });
  const retry = { attempts: 30, baseMs: 5, maxMs: 200 };
  await Promise.all(
    Array.from({ length: 50 }, () =>
      inTransaction(
        db,
        async (t) => {
          const { data } = (await t.collection(C).doc('counter2').get()) as { data: { n: number } };
          await t
            .collection(C)
            .doc('counter2')
            .update({ n: data.n + 1 });
        },
        retry,
      ),
    ),
  );
  expect((await db.collection(C).doc('counter2').get()).data[0].n).toBe(50);
});

test('a transaction reads its snapshot; a concurrent committed write makes its write conflict', async () => {
  await db.collection(C).doc('si').set({ v: 1 });
  const t = await db.startTransaction();
  expect((await t.collection(C).doc('si').get()).data.v).toBe(1);
  await db.collection(C).doc('si').update({ v: 2 }); // outside the transaction
  expect((await t.collection(C).doc('si').get()).data.v).toBe(1); // still the snapshot
  expect(await codeOf(t.collection(C).doc('si').update({ v: 10 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await db.collection(C).doc('si').get()).data[0].v).toBe(2);
});

test('writes are invisible outside until commit, then all appear together', async () => {
  const t = await db.startTransaction();
  await t.collection(C).add({ _id: 'tx-a', v: 1 });
  await t.collection(C).doc('tx-b').set({ v: 2 });
  expect((await t.collection(C).doc('tx-a').get()).data).toEqual({ _id: 'tx-a', v: 1 });
  expect((await db.collection(C).doc('tx-a').get()).data).toEqual([]);
  await t.commit();
  expect(
    (
      await db
        .collection(C)
        .where({ _id: db.command.in(['tx-a', 'tx-b']) })
        .count()
    ).total,
  ).toBe(2);
});

test('a where-query inside a transaction sees its own uncommitted writes', async () => {
  await db.collection(C).add({ _id: 'q-1', group: 'txq' });
  const t = await db.startTransaction();
  await t.collection(C).doc('q-2').set({ group: 'txq' });
  await t.collection(C).doc('q-1').remove();
  const inside = await t.collection(C).where({ group: 'txq' }).get();
  expect(inside.data.map((d: Any) => d._id)).toEqual(['q-2']);
  expect((await db.collection(C).where({ group: 'txq' }).get()).data.map((d: Any) => d._id)).toEqual(['q-1']);
  await t.rollback();
});

test('rollback discards writes and runTransaction rejects with the rollback value', async () => {
  await db.collection(C).doc('rb').set({ v: 1 });
  const p = db.runTransaction(async (t: Any) => {
    await t.collection(C).doc('rb').update({ v: 99 });
    await t.collection(C).doc('rb-new').set({ v: 1 });
    await t.rollback('余额不足');
  });
  await expect(p).rejects.toBe('余额不足');
  expect((await db.collection(C).doc('rb').get()).data[0].v).toBe(1);
  expect((await db.collection(C).doc('rb-new').get()).data).toEqual([]);
});

test('delete inside a transaction, and a finished transaction cannot be reused', async () => {
  await db.collection(C).doc('del').set({ v: 1 });
  const t = await db.startTransaction();
  expect((await t.collection(C).doc('del').remove()).deleted).toBe(1);
  expect((await t.collection(C).doc('del').get()).data).toBeNull();
  await t.commit();
  expect((await db.collection(C).doc('del').get()).data).toEqual([]);
  expect(await codeOf(t.collection(C).doc('del').get())).toBe('DATABASE_TRANSACTION_FAIL');
});

test('two transactions writing one document: the second conflicts at once, and after the first commits, on its stale snapshot', async () => {
  await db.collection(C).doc('ww').set({ v: 0 });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  const t3 = await db.startTransaction();
  await t2.collection(C).doc('other').set({ v: 1 }); // fixes t2's snapshot now
  await t3.collection(C).doc('other3').set({ v: 1 }); // and t3's
  await t1.collection(C).doc('ww').update({ v: 1 });
  expect(await codeOf(t2.collection(C).doc('ww').update({ v: 2 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
  await t1.commit();
  // The lock is free now, but t3's snapshot predates t1's commit.
  expect(await codeOf(t3.collection(C).doc('ww').update({ v: 3 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await db.collection(C).doc('ww').get()).data[0].v).toBe(1);
});

test('transactions work through the TCB_CONTEXT_CNFG route too', async () => {
  const cdb: Any = contextApp(emu.url).database();
  await cdb.collection(C).doc('ctx').set({ n: 0 });
  await Promise.all(
    Array.from({ length: 10 }, () =>
      inTransaction(
        cdb,
        async (t) => {
          const { data } = (await t.collection(C).doc('ctx').get()) as { data: { n: number } };
          await t
            .collection(C)
            .doc('ctx')
            .update({ n: data.n + 1 });
        },
        { attempts: 30, baseMs: 5, maxMs: 200 },
      ),
    ),
  );
  expect((await cdb.collection(C).doc('ctx').get()).data[0].n).toBe(10);
});
