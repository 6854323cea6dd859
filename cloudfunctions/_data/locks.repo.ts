import { COLLECTIONS } from '@shared/constants/collections';
import type { LockDoc, LockKind } from '@shared/db/schemas/locks';
import type { Database, Tx } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';
import { txData } from './fields';

export { lockId } from '@shared/db/schemas/locks';

/**
 * Lock and counter documents with deterministic `_id`s (schema: shared/db/schemas/locks.ts). Every
 * write happens inside the transaction that changes what the lock guards, with doc() operations
 * only: two racers write the same `_id`, CloudBase lets one commit and fails the other at once
 * (inTransaction retries it, and the retry reads the lock the winner wrote).
 */
const ref = (t: Tx, id: string) => t.collection(COLLECTIONS.locks).doc(id);

/** Reads a lock outside a transaction (a cheap pre-check; the transaction decides). */
export async function find(db: Database, id: string): Promise<LockDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.locks).doc(id).get();
  return data[0] as LockDoc | undefined;
}

/** Reads a lock inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<LockDoc | undefined> {
  return txData<LockDoc>((await ref(t, id).get()).data);
}

/**
 * Takes the lock `id` for `holder`. When it is held by someone else, `isStale(lock)` decides
 * whether that holder is gone (its record closed without releasing, or data written before locks
 * existed); a live holder is returned and nothing is written. Returns the holder the lock has now.
 */
export async function acquireInTx(
  t: Tx,
  id: string,
  lock: { kind: LockKind; holder: string; now: Date; expiresAt?: Date },
  isStale: (held: LockDoc) => Promise<boolean> | boolean = () => false,
): Promise<{ acquired: boolean; holder: string | undefined }> {
  const held = await getInTx(t, id);
  if (held && held.holder !== lock.holder && !(await isStale(held)))
    return { acquired: false, holder: held.holder };
  await ref(t, id).set({
    kind: lock.kind,
    holder: lock.holder,
    at: lock.now,
    ...(lock.expiresAt ? { expiresAt: lock.expiresAt } : {}),
  });
  return { acquired: true, holder: lock.holder };
}

/** Releases the lock if `holder` still holds it (a stale release never frees someone else's lock). */
export async function releaseInTx(t: Tx, id: string, holder: string): Promise<void> {
  const held = await getInTx(t, id);
  if (held?.holder === holder) await ref(t, id).delete();
}

/** A counter's value inside a transaction; undefined when the counter does not exist yet. */
export async function countInTx(t: Tx, id: string): Promise<number | undefined> {
  return (await getInTx(t, id))?.count;
}

/** Writes a counter's new value inside a transaction (whole-document `set`: creates it if needed). */
export async function setCountInTx(
  t: Tx,
  id: string,
  c: { kind: LockKind; ref: string; count: number; now: Date },
): Promise<void> {
  await ref(t, id).set({ kind: c.kind, ref: c.ref, count: Math.max(0, c.count), at: c.now });
}

/**
 * Creates a counter from a count taken outside any transaction (first use, or data written before
 * counters existed). Safe against racers: every writer of what the counter counts needs the
 * counter first, so nothing it counts can change until it exists; a concurrent creation is a no-op.
 */
export async function initCounter(
  db: Database,
  id: string,
  c: { kind: LockKind; ref: string; count: number; now: Date },
): Promise<void> {
  try {
    await db
      .collection(COLLECTIONS.locks)
      .add({ _id: id, kind: c.kind, ref: c.ref, count: c.count, at: c.now });
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
  }
}

/** Removes a lock the caller has just read and found its own (saves releaseInTx's second read). */
export async function deleteInTx(t: Tx, id: string): Promise<void> {
  await ref(t, id).delete();
}

/** Writes a lock the caller has just read and found free or stale (saves acquireInTx's second read). */
export async function putInTx(
  t: Tx,
  id: string,
  lock: { kind: LockKind; holder: string; now: Date; expiresAt?: Date },
): Promise<void> {
  await ref(t, id).set({
    kind: lock.kind,
    holder: lock.holder,
    at: lock.now,
    ...(lock.expiresAt ? { expiresAt: lock.expiresAt } : {}),
  });
}
