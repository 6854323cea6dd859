// Database actions through the real @cloudbase/node-sdk, once with serviceUrl and once with the
// TCB_CONTEXT_CNFG routing deployed function code uses.
import type cloudbase from '@cloudbase/node-sdk';
import { contextApp, startTestEmulator, type TestEmulator } from '../support/emulator';

type App = ReturnType<typeof cloudbase.init>;
// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

/** Catches an SDK rejection and returns its {code, message}. */
async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('expected the SDK call to fail');
}

describe.each([
  ['serviceUrl', () => emu.sdkApp()],
  ['TCB_CONTEXT_CNFG', () => contextApp(emu.url)],
])('database via %s', (mode, makeApp: () => App) => {
  let db: Any;
  let _: Any;
  const coll = `items_${mode === 'serviceUrl' ? 'a' : 'b'}`;

  beforeAll(async () => {
    db = makeApp().database();
    _ = db.command;
    await db.createCollection(coll);
  });

  test('add one, add many, get by id, missing id gives []', async () => {
    const one = await db.collection(coll).add({ name: '张三', n: 1, tags: ['a'] });
    expect(one.id).toMatch(/^[0-9a-f]{32}$/);
    const many = await db.collection(coll).add([
      { name: '李四', n: 2 },
      { name: '王五', n: 3 },
    ]);
    expect(many.ids).toHaveLength(2);
    const got = await db.collection(coll).doc(one.id).get();
    expect(got.data).toEqual([{ _id: one.id, name: '张三', n: 1, tags: ['a'] }]);
    expect((await db.collection(coll).doc('0'.repeat(32)).get()).data).toEqual([]);
  });

  test('a duplicate _id is refused', async () => {
    await db.collection(coll).add({ _id: 'fixed-id', v: 1 });
    const err = await failure(db.collection(coll).add({ _id: 'fixed-id', v: 2 }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection(coll).doc('fixed-id').get()).data[0].v).toBe(1);
  });

  test('where + orderBy + skip + limit + field projection', async () => {
    const c = `${coll}_q`;
    await db.createCollection(c);
    await db
      .collection(c)
      .add(Array.from({ length: 30 }, (_x, i) => ({ i, even: i % 2 === 0, meta: { sq: i * i } })));
    const page = await db
      .collection(c)
      .where({ even: true, i: _.gte(4) })
      .orderBy('i', 'desc')
      .skip(2)
      .limit(3)
      .field({ i: true, _id: false })
      .get();
    expect(page.data).toEqual([{ i: 24 }, { i: 22 }, { i: 20 }]);
    const nested = await db
      .collection(c)
      .where({ meta: { sq: _.gt(700) } })
      .field({ i: true })
      .get();
    expect(nested.data.map((d: Any) => d.i).sort()).toEqual([27, 28, 29]);
    const or = await db
      .collection(c)
      .where(_.or([{ i: 1 }, { i: _.in([5, 6]) }]))
      .orderBy('i', 'asc')
      .get();
    expect(or.data.map((d: Any) => d.i)).toEqual([1, 5, 6]);
    const rx = await db
      .collection(coll)
      .where({ name: db.RegExp({ regexp: '^李', options: 'i' }) })
      .get();
    expect(rx.data.map((d: Any) => d.name)).toEqual(['李四']);
    expect(
      (
        await db
          .collection(c)
          .where({ i: _.lt(10) })
          .count()
      ).total,
    ).toBe(10);
  });

  test('reads are capped: 100 by default, 1,000 at most', async () => {
    const c = `${coll}_big`;
    await db.createCollection(c);
    for (let k = 0; k < 3; k++) {
      await db.collection(c).add(Array.from({ length: 400 }, (_x, i) => ({ i: k * 400 + i })));
    }
    expect((await db.collection(c).get()).data).toHaveLength(100);
    expect((await db.collection(c).limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection(c).skip(1000).limit(1000).get()).data).toHaveLength(200);
    expect((await db.collection(c).count()).total).toBe(1200);
  });

  test('set replaces, update merges with every operator on dot paths, set upserts', async () => {
    const { id } = await db.collection(coll).add({
      a: 1,
      s: 'x',
      arr: [1, 2, 3],
      obj: { k: 1, deep: { z: 1 } },
      gone: true,
      m: 2,
      lo: 5,
      hi: 5,
      old: 'r',
      set: ['a'],
    });
    const r = await db
      .collection(coll)
      .doc(id)
      .update({
        a: _.inc(2),
        m: _.mul(3),
        lo: _.min(1),
        hi: _.max(9),
        arr: _.push(4, 5),
        'obj.deep.z': 7,
        obj: { added: 'yes' },
        gone: _.remove(),
        set: _.addToSet('b'),
      });
    expect(r.updated).toBe(1);
    await db.collection(coll).doc(id).update({ arr: _.pop() });
    await db.collection(coll).doc(id).update({ arr: _.shift() });
    await db
      .collection(coll)
      .doc(id)
      .update({ arr: _.unshift(0) });
    await db
      .collection(coll)
      .doc(id)
      .update({ arr: _.pull(3) });
    await db
      .collection(coll)
      .doc(id)
      .update({ set: _.addToSet('b') });
    await db
      .collection(coll)
      .doc(id)
      .update({ obj: _.set({ replaced: true }) });
    const [doc] = (await db.collection(coll).doc(id).get()).data;
    expect(doc).toEqual({
      _id: id,
      a: 3,
      s: 'x',
      m: 6,
      lo: 1,
      hi: 9,
      arr: [0, 2, 4],
      obj: { replaced: true },
      old: 'r',
      set: ['a', 'b'],
    });
    const set = await db.collection(coll).doc(id).set({ only: 'this' });
    expect(set.updated).toBe(1);
    expect((await db.collection(coll).doc(id).get()).data).toEqual([{ _id: id, only: 'this' }]);
    const up = await db.collection(coll).doc(`new-${mode}`).set({ fresh: 1 });
    expect(up.upsertedId).toBe(`new-${mode}`);
    expect((await db.collection(coll).doc(`new-${mode}`).get()).data).toEqual([
      { _id: `new-${mode}`, fresh: 1 },
    ]);
    expect((await db.collection(coll).doc('does-not-exist').update({ a: 1 })).updated).toBe(0);
  });

  test('the positional $ operator updates the matched array element', async () => {
    const { id } = await db.collection(coll).add({
      kind: 'pos',
      items: [
        { code: 'a', qty: 1 },
        { code: 'b', qty: 1 },
      ],
    });
    await db
      .collection(coll)
      .where({ _id: id, 'items.code': 'b' })
      .update({ 'items.$.qty': _.inc(5) });
    expect((await db.collection(coll).doc(id).get()).data[0].items).toEqual([
      { code: 'a', qty: 1 },
      { code: 'b', qty: 6 },
    ]);
  });

  test('multi-update and remove by where', async () => {
    const c = `${coll}_multi`;
    await db.createCollection(c);
    await db.collection(c).add([
      { g: 'x', v: 1 },
      { g: 'x', v: 2 },
      { g: 'y', v: 3 },
    ]);
    expect(
      (
        await db
          .collection(c)
          .where({ g: 'x' })
          .update({ v: _.inc(10), done: true })
      ).updated,
    ).toBe(2);
    const vs = (await db.collection(c).orderBy('v', 'asc').get()).data.map((d: Any) => d.v);
    expect(vs).toEqual([3, 11, 12]);
    expect((await db.collection(c).where({ g: 'x' }).remove()).deleted).toBe(2);
    const { data } = await db.collection(c).get();
    expect(data).toHaveLength(1);
    expect((await db.collection(c).doc(data[0]._id).remove()).deleted).toBe(1);
    expect((await db.collection(c).count()).total).toBe(0);
  });

  test('update type errors MongoDB rejects are rejected, and nothing is applied', async () => {
    const { id } = await db.collection(coll).add({ s: 'text', n: 1, arr: [1], o: { k: 'v' } });
    const cases: Array<[Any, RegExp]> = [
      [{ s: _.inc(1) }, /non-numeric type string/],
      [{ s: _.mul(2) }, /non-numeric/],
      [{ n: _.push(2) }, /must be an array/],
      [{ s: _.addToSet('x') }, /must be an array/],
      [{ n: _.pop() }, /non-array/],
      [{ 's.inner': 1 }, /Cannot create field/],
    ];
    for (const [update, msg] of cases) {
      const err = await failure(
        db
          .collection(coll)
          .doc(id)
          .update({ n: _.inc(100), ...update }),
      );
      expect(err.code).toBe('DATABASE_REQUEST_FAILED');
      expect(err.message).toMatch(msg);
    }
    expect((await db.collection(coll).doc(id).get()).data[0]).toEqual({
      _id: id,
      s: 'text',
      n: 1,
      arr: [1],
      o: { k: 'v' },
    });
    // A multi-update that fails on one document changes none of them.
    const c = `${coll}_atomic`;
    await db.createCollection(c);
    await db.collection(c).add([
      { t: 1, v: 1 },
      { t: 1, v: 'two' },
      { t: 1, v: 3 },
    ]);
    expect(
      (
        await failure(
          db
            .collection(c)
            .where({ t: 1 })
            .update({ v: _.inc(1) }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED');
    expect((await db.collection(c).orderBy('_id', 'asc').get()).data.map((d: Any) => d.v).sort()).toEqual([
      1,
      3,
      'two',
    ]);
  });

  test('serverDate is replaced by the emulator clock, in data, updates and queries', async () => {
    const before = Date.now();
    const { id } = await db
      .collection(coll)
      .add({ kind: 'sd', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const [doc] = (await db.collection(coll).doc(id).get()).data;
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(doc.later.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(59_000);
    await db.collection(coll).doc(id).update({ touched: db.serverDate() });
    const q = await db
      .collection(coll)
      .where({ kind: 'sd', at: _.lte(db.serverDate()) })
      .count();
    expect(q.total).toBe(1);
    emu.setClockOffset(90 * 86400e3);
    try {
      const { id: id2 } = await db.collection(coll).add({ kind: 'sd2', at: db.serverDate() });
      const [d2] = (await db.collection(coll).doc(id2).get()).data;
      expect(d2.at.getTime() - Date.now()).toBeGreaterThan(89 * 86400e3);
    } finally {
      emu.setClockOffset(0);
    }
  });

  test('EJSON types round-trip: dates, nested arrays, numbers, null, booleans', async () => {
    const when = new Date('2026-03-02T08:00:00.000Z');
    const value = {
      when,
      list: [{ d: when, n: 1.5 }, null, true],
      big: 2 ** 40,
      neg: -3,
      empty: {},
      s: '身份证',
    };
    const { id } = await db.collection(coll).add(value);
    const [doc] = (await db.collection(coll).doc(id).get()).data;
    expect(doc).toEqual({ _id: id, ...value });
    expect(
      (
        await db
          .collection(coll)
          .where({ when: _.gte(new Date('2026-03-01')) })
          .count()
      ).total,
    ).toBeGreaterThanOrEqual(1);
  });

  test('aggregate: match, group, sort, skip, limit, project, addFields, unwind, lookup, replaceRoot, count', async () => {
    const orders = `${coll}_orders`;
    const teams = `${coll}_teams`;
    await db.createCollection(orders);
    await db.createCollection(teams);
    await db.collection(teams).add([
      { _id: 't1', name: '一队' },
      { _id: 't2', name: '二队' },
    ]);
    await db.collection(orders).add([
      { team: 't1', fee: 10, items: ['a', 'b'] },
      { team: 't1', fee: 20, items: ['c'] },
      { team: 't2', fee: 5, items: [] },
      { team: 't2', fee: 7, items: ['d'] },
      { team: 't3', fee: 1, items: ['e'] },
    ]);
    const $ = db.command.aggregate;
    const grouped = await db
      .collection(orders)
      .aggregate()
      .match({ fee: _.gt(1) })
      .group({ _id: '$team', total: $.sum('$fee'), n: $.sum(1) })
      .sort({ total: -1 })
      .lookup({ from: teams, localField: '_id', foreignField: '_id', as: 'team' })
      .unwind('$team')
      .addFields({ teamName: '$team.name' })
      .project({ _id: 0, teamName: 1, total: 1, n: 1 })
      .end();
    expect(grouped.data).toEqual([
      { teamName: '一队', total: 30, n: 2 },
      { teamName: '二队', total: 12, n: 2 },
    ]);
    const unwound = await db
      .collection(orders)
      .aggregate()
      .unwind('$items')
      .sort({ items: 1 })
      .skip(1)
      .limit(2)
      .replaceRoot({ newRoot: { item: '$items' } })
      .end();
    expect(unwound.data).toEqual([{ item: 'b' }, { item: 'c' }]);
    const counted = await db.collection(orders).aggregate().match({ team: 't1' }).count('n').end();
    expect(counted.data).toEqual([{ n: 2 }]);
  });

  test('unknown collections answer DATABASE_COLLECTION_NOT_EXIST; createCollection makes one', async () => {
    const name = `late_${mode === 'serviceUrl' ? 'a' : 'b'}`;
    expect((await failure(db.collection(name).get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await failure(db.collection(name).add({ a: 1 }))).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await failure(db.collection(name).where({ a: 1 }).update({ a: 2 }))).code).toBe(
      'DATABASE_COLLECTION_NOT_EXIST',
    );
    await db.createCollection(name);
    await db.collection(name).add({ a: 1 });
    expect((await db.collection(name).count()).total).toBe(1);
  });

  test('updateAndReturn returns the new document', async () => {
    const { id } = await db.collection(coll).add({ kind: 'uar', v: 1 });
    const r = await db
      .collection(coll)
      .where({ _id: id })
      .updateAndReturn({ v: _.inc(1) });
    expect(r.updated).toBe(1);
    expect(r.doc).toEqual({ _id: id, kind: 'uar', v: 2 });
  });
});
