import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from './db';
import { isDuplicateWrite } from './errors';

/**
 * Fixed-window counter per key (e.g. one WeChat identity's writes per minute). One request in the
 * common case: a conditional increment that only matches while under the limit; if nothing
 * matched, the window is new (insert count 1) or full (the insert clashes on `_id`) or was just
 * (opened by a concurrent call: increment again). Returns false when the window is full.
 */
export async function takeToken(
  db: Database,
  key: string,
  limit: { windowMs: number; max: number },
  now: Date,
): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const _id = `${key}_${windowStart}`;
  const coll = db.collection(COLLECTIONS.rateLimits);
  const _ = db.command;
  const increment = async () =>
    (await coll.where({ _id, count: _.lt(limit.max) }).update({ count: _.inc(1) })).updated === 1;
  if (await increment()) return true;
  try {
    await coll.add({ _id, count: 1, expiresAt: new Date(windowStart + limit.windowMs) });
    return true;
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
    // Another call opened the window between our two requests: count against it once more.
    return increment();
  }
}

/** How many tokens a window has used (for attempt limits that count failures only). */
export async function tokensUsed(db: Database, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const { data } = await db
    .collection(COLLECTIONS.rateLimits)
    .doc(`${key}_${windowStart}`)
    .field({ count: true })
    .get();
  return ((data as { count?: number }[])[0]?.count ?? 0) as number;
}

/** A caller's write window kept on their own `users` document (read with the caller, no extra request). */
export type WriteWindow = { start: number; count: number };

/**
 * The write limit for a caller who has a `users` document: the guard already read the window with
 * the caller, so one conditional update decides — increment while under the limit in the same
 * window, or start a new window (conditional on the window it read, so two concurrent first
 * writes cannot both reset it). A full window is refused without a request.
 * Example: limit 20/min, window read {start: 12:00, count: 20} at 12:00:30 → refused, no request.
 */
export async function takeUserToken(
  db: Database,
  userId: string,
  read: WriteWindow | undefined,
  limit: { windowMs: number; max: number },
  now: Date,
): Promise<boolean> {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const _ = db.command;
  const users = db.collection(COLLECTIONS.users);
  const increment = async () =>
    (
      await users
        .where({ _id: userId, 'writes.start': start, 'writes.count': _.lt(limit.max) })
        .update({ 'writes.count': _.inc(1) })
    ).updated === 1;
  if (read?.start === start) return read.count < limit.max && increment();
  const previous = read ? { 'writes.start': read.start } : { writes: _.exists(false) };
  const opened = await users
    .where({ _id: userId, ...previous })
    .update({ writes: _.set({ start, count: 1 }) });
  // Lost the race to open this window: count against the one the other call opened.
  return opened.updated === 1 || increment();
}
