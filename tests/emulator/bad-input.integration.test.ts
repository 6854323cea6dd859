// Bad input: every malformed request gets the SDK's {code, message} error form with HTTP 200,
// nothing is half-applied, and the emulator keeps serving.
import { COLLECTIONS } from '@shared/constants/collections';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emu: TestEmulator;
const C = COLLECTIONS.jobs;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function raw(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const ejson = (v: unknown) => JSON.stringify(v);

test.each([
  ['malformed JSON', '{"action": "database.getDocument", ', 'INVALID_PARAM', /malformed JSON/],
  ['a JSON array', '[1,2]', 'INVALID_PARAM', /malformed JSON/],
  ['no action', '{}', 'INVALID_PARAM', /action/],
  ['an unknown action', ejson({ action: 'database.dropEverything' }), 'INVALID_ACTION', /unknown action/],
  ['an unknown service', ejson({ action: 'nosuch.thing' }), 'INVALID_ACTION', /unknown action/],
  [
    'an unknown collection',
    ejson({ action: 'database.getDocument', collectionName: 'nope', query: '{}', queryType: 'WHERE' }),
    'DATABASE_COLLECTION_NOT_EXIST',
    /nope/,
  ],
  [
    'a query that is not JSON',
    ejson({ action: 'database.getDocument', collectionName: C, query: '{oops', queryType: 'WHERE' }),
    'INVALID_PARAM',
    /bad EJSON/,
  ],
  [
    'an invalid $date',
    ejson({
      action: 'database.getDocument',
      collectionName: C,
      query: ejson({ at: { $date: 'yesterday' } }),
      queryType: 'WHERE',
    }),
    'INVALID_PARAM',
    /bad EJSON/,
  ],
  [
    'a bad $numberLong',
    ejson({
      action: 'database.insertDocument',
      collectionName: C,
      data: [ejson({ n: { $numberLong: 'x1' } })],
    }),
    'INVALID_PARAM',
    /bad EJSON/,
  ],
  [
    'an unknown query operator',
    ejson({
      action: 'database.getDocument',
      collectionName: C,
      query: ejson({ a: { $frobnicate: 1 } }),
      queryType: 'WHERE',
    }),
    'INVALID_PARAM',
    /bad query/,
  ],
  [
    'an unknown update operator',
    ejson({
      action: 'database.modifyDocument',
      collectionName: C,
      query: '{}',
      data: ejson({ $explode: { a: 1 } }),
      multi: true,
      merge: true,
    }),
    'INVALID_PARAM',
    /unknown update operator/,
  ],
  [
    'a negative limit',
    ejson({ action: 'database.getDocument', collectionName: C, query: '{}', queryType: 'WHERE', limit: -5 }),
    'INVALID_PARAM',
    /limit/,
  ],
  [
    'a commit of an unknown transaction',
    ejson({ action: 'database.commitTransaction', transactionId: 'nope' }),
    'DATABASE_TRANSACTION_FAIL',
    /transaction/,
  ],
])('%s gets the SDK error form', async (_name, body, code, message) => {
  const r = await raw(body);
  expect(r.status).toBe(200);
  expect(r.json.code).toBe(code);
  expect(String(r.json.message)).toMatch(message);
  expect(typeof r.json.requestId).toBe('string');
});

test('an oversized body is refused and the server keeps serving', async () => {
  const big = ejson({
    action: 'database.insertDocument',
    collectionName: C,
    data: [ejson({ _id: 'huge', pad: 'x'.repeat(6 * 1024 * 1024) })],
  });
  const r = await raw(big);
  expect(r.status).toBe(200);
  expect(r.json.code).toBe('INVALID_PARAM');
  expect(String(r.json.message)).toMatch(/exceeds/);
  const db = emu.sdkApp().database();
  expect((await db.collection(C).doc('huge').get()).data).toEqual([]);
});

test('a batch insert with one bad document inserts none of them', async () => {
  const r = await raw(
    ejson({
      action: 'database.insertDocument',
      collectionName: C,
      data: [
        ejson({ _id: 'good-1' }),
        ejson({ _id: 'good-2' }),
        ejson({ _id: 'bad', at: { $date: 'never' } }),
      ],
    }),
  );
  expect(r.json.code).toBe('INVALID_PARAM');
  const db = emu.sdkApp().database();
  expect(
    (
      await db
        .collection(C)
        .where({ _id: db.command.in(['good-1', 'good-2', 'bad']) })
        .count()
    ).total,
  ).toBe(0);
});

test('after all of that the SDK still works on the same connection pool', async () => {
  const db = emu.sdkApp().database();
  const { id } = await db.collection(C).add({ ok: true });
  expect(
    (
      await db
        .collection(C)
        .doc(id as string)
        .get()
    ).data[0].ok,
  ).toBe(true);
});
