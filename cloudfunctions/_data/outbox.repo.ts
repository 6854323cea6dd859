import { COLLECTIONS } from '@shared/constants/collections';
import type { OutboxDoc, OutboxMessage } from '@shared/db/schemas/outbox';
import type { Database, Tx } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';

/**
 * Queues a message inside the caller's transaction, so it commits with the state change it
 * announces or not at all. Idempotent: the dedupe key is the `_id`, and a message already queued,
 * sent or cancelled under that key is left as it is (a replayed action never re-sends).
 * Costs one read and at most one write inside the transaction.
 */
export async function enqueueInTx(t: Tx, msg: OutboxMessage, now: Date): Promise<boolean> {
  const ref = t.collection(COLLECTIONS.outbox).doc(msg._id);
  const cur = (await ref.get()).data;
  if (cur && (Array.isArray(cur) ? cur.length > 0 : true)) return false;
  const { _id, ...rest } = msg;
  const doc: Omit<OutboxDoc, '_id'> = {
    ...rest,
    data: msg.data ?? {},
    sendAfter: msg.sendAfter ?? now,
    status: 'queued',
    attempts: 0,
    createdAt: now,
  };
  await ref.set(doc);
  return true;
}

/**
 * Queues a message whose key cannot exist yet (it names a record created in this same
 * transaction, e.g. a new appointment's reminder): one write, no read.
 */
export async function enqueueNewInTx(t: Tx, msg: OutboxMessage, now: Date): Promise<void> {
  const { _id, ...rest } = msg;
  const doc: Omit<OutboxDoc, '_id'> = {
    ...rest,
    data: msg.data ?? {},
    sendAfter: msg.sendAfter ?? now,
    status: 'queued',
    attempts: 0,
    createdAt: now,
  };
  await t.collection(COLLECTIONS.outbox).doc(_id).set(doc);
}

/** Withdraws a message still waiting (a booking cancelled before its reminder went out). */
export async function cancelQueuedInTx(t: Tx, id: string, now: Date): Promise<void> {
  const ref = t.collection(COLLECTIONS.outbox).doc(id);
  const cur = (await ref.get()).data as { status?: string } | { status?: string }[] | null | undefined;
  const doc = Array.isArray(cur) ? cur[0] : cur;
  if (doc?.status === 'queued') await ref.update({ status: 'cancelled', updatedAt: now });
}

// ---------------------------------------------------------------------------------------------
// Delivery (the scheduler only). Claims are conditional multi-document updates: each document
// moves queued → sending under one run's lease at most once (the filter is re-evaluated per
// document, as MongoDB does), so two overlapping runs never hold the same entry; the per-channel
// `sends` records (deterministic ids) are what finally make a send happen once.
// ---------------------------------------------------------------------------------------------

const docOf = <T>(d: unknown): T | undefined =>
  Array.isArray(d) ? (d[0] as T | undefined) : (d as T | undefined);

/** Ids of entries due at `now` (queued, sendAfter ≤ now), oldest first: one indexed read. */
export async function dueIds(db: Database, now: Date, limit: number): Promise<string[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.outbox)
    .where({ status: 'queued', sendAfter: _.lte(now) })
    .orderBy('sendAfter', 'asc')
    .limit(limit)
    .field({ _id: true })
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

/** Ids of entries whose run died holding them (lease expired): one indexed read. */
export async function expiredLeaseIds(db: Database, now: Date, limit: number): Promise<string[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.outbox)
    .where({ status: 'sending', leaseUntil: _.lt(now) })
    .limit(limit)
    .field({ _id: true })
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

/**
 * Claims the given entries for `owner` until `leaseUntil` (only those still queued and due, or
 * sending under an expired lease) and returns the claimed documents. Three requests.
 */
export async function claim(
  db: Database,
  ids: string[],
  owner: string,
  leaseUntil: Date,
  now: Date,
): Promise<OutboxDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const coll = db.collection(COLLECTIONS.outbox);
  const lease = { status: 'sending', leaseOwner: owner, leaseUntil, updatedAt: now };
  await coll.where({ _id: _.in(ids), status: 'queued', sendAfter: _.lte(now) }).update(lease);
  await coll.where({ _id: _.in(ids), status: 'sending', leaseUntil: _.lt(now) }).update(lease);
  const { data } = await coll
    .where({ _id: _.in(ids), status: 'sending', leaseOwner: owner })
    .limit(ids.length)
    .get();
  return data as OutboxDoc[];
}

/** Closes entries this run holds (sent, retried later, dead) in one request per outcome. */
export async function settle(
  db: Database,
  ids: string[],
  owner: string,
  patch: Partial<
    Pick<OutboxDoc, 'status' | 'channel' | 'channelReason' | 'sentAt' | 'sendAfter' | 'lastError'>
  > & {
    attempts?: number;
  },
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db
    .collection(COLLECTIONS.outbox)
    .where({ _id: _.in(ids), leaseOwner: owner, status: 'sending' })
    .update({ ...patch, leaseOwner: _.remove(), leaseUntil: _.remove(), updatedAt: now });
}

/** Reads one entry (tests, console). */
export async function byId(db: Database, id: string): Promise<OutboxDoc | undefined> {
  return docOf<OutboxDoc>((await db.collection(COLLECTIONS.outbox).doc(id).get()).data);
}

/**
 * Queues many messages outside a transaction (scheduled notices, push fan-out), in one batched
 * insert; ids already present (a rerun after a crash, a notice queued before) are left as they
 * are and skipped. Returns how many were new. Two to three requests per call.
 */
export async function enqueueMany(db: Database, msgs: OutboxMessage[], now: Date): Promise<number> {
  const docs: OutboxDoc[] = msgs.map((m) => ({
    ...m,
    data: m.data ?? {},
    sendAfter: m.sendAfter ?? now,
    status: 'queued',
    attempts: 0,
    createdAt: now,
  }));
  return insertNew(db, COLLECTIONS.outbox, docs);
}

/**
 * Inserts documents whose `_id`s are deterministic, skipping those that exist: a batched insert,
 * and on a duplicate clash one read of which ids exist and an insert of the rest.
 */
export async function insertNew(db: Database, collection: string, docs: { _id: string }[]): Promise<number> {
  if (docs.length === 0) return 0;
  const coll = db.collection(collection);
  try {
    await coll.add(docs);
    return docs.length;
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
  }
  const _ = db.command;
  const { data } = await coll
    .where({ _id: _.in(docs.map((d) => d._id)) })
    .limit(docs.length)
    .field({ _id: true })
    .get();
  const have = new Set((data as { _id: string }[]).map((d) => d._id));
  const rest = docs.filter((d) => !have.has(d._id));
  if (rest.length === 0) return 0;
  try {
    await coll.add(rest);
    return rest.length;
  } catch (e) {
    // Another run inserted some of these in between: one at a time settles it.
    if (!isDuplicateWrite(e)) throw e;
    let n = 0;
    for (const d of rest) {
      try {
        await coll.add(d);
        n++;
      } catch (err) {
        if (!isDuplicateWrite(err)) throw err;
      }
    }
    return n;
  }
}
