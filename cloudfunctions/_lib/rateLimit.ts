import type { WriteWindow } from '@shared/db/schemas/users';
import * as users from '../_data/users.repo';
import type { Database } from './db';

/** A caller's write window kept on their own `users` document (read with the caller, no extra request). */
export type { WriteWindow } from '@shared/db/schemas/users';
/** Fixed-window counters per key live in the rateLimits repository. */
export { takeToken, tokensUsed } from '../_data/rateLimits.repo';

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
  const increment = () => users.countWrite(db, userId, start, limit.max);
  if (read?.start === start) return read.count < limit.max && increment();
  // Lost the race to open this window: count against the one the other call opened.
  return (await users.openWriteWindow(db, userId, read, start)) || increment();
}
