import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';

/** Fixed-window counters (`_id` = `<key>_<windowStart>`); policy lives in _lib/rateLimit. */
const coll = (db: Database) => db.collection(COLLECTIONS.rateLimits);
const windowId = (key: string, windowMs: number, now: Date) =>
  `${key}_${Math.floor(now.getTime() / windowMs) * windowMs}`;

/**
 * Takes one token of a window. One request in the common case: a conditional increment that only
 * matches while under the limit; if nothing matched, the window is new (insert count 1) or full
 * (the insert clashes on `_id`) or was just opened by a concurrent call (increment again).
 */
export async function takeToken(
  db: Database,
  key: string,
  limit: { windowMs: number; max: number },
  now: Date,
): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const _id = windowId(key, limit.windowMs, now);
  const _ = db.command;
  const increment = async () =>
    (
      await coll(db)
        .where({ _id, count: _.lt(limit.max) })
        .update({ count: _.inc(1) })
    ).updated === 1;
  if (await increment()) return true;
  try {
    await coll(db).add({ _id, count: 1, expiresAt: new Date(windowStart + limit.windowMs) });
    return true;
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
    return increment();
  }
}

/** How many tokens a window has used (for attempt limits that count failures only). */
export async function tokensUsed(db: Database, key: string, windowMs: number, now: Date): Promise<number> {
  const { data } = await coll(db)
    .doc(windowId(key, windowMs, now))
    .field({ count: true })
    .get();
  return ((data as { count?: number }[])[0]?.count ?? 0) as number;
}
