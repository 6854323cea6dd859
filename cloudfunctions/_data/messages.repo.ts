import { COLLECTIONS } from '@shared/constants/collections';
import type { MessageDoc } from '@shared/db/schemas/messages';
import type { Database } from '../_lib/db';
import { insertNew } from './outbox.repo';

/** The in-app message centre: every delivered outbox entry lands here under its own `_id`. */

/** Writes inbox copies, skipping any already there (a rerun delivers nothing twice). */
export const insertMessages = (db: Database, docs: MessageDoc[]): Promise<number> =>
  insertNew(db, COLLECTIONS.messages, docs);

export type MessageListItem = Pick<
  MessageDoc,
  '_id' | 'owner' | 'kind' | 'title' | 'body' | 'page' | 'read' | 'createdAt'
>;

/** Newest first, a page at a time (`before` = createdAt of the last item shown). One request. */
export async function listForOwners(
  db: Database,
  owners: string[],
  p: { before?: Date; limit: number },
): Promise<MessageListItem[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { owner: _.in(owners) };
  if (p.before) where.createdAt = _.lt(p.before);
  const { data } = await db
    .collection(COLLECTIONS.messages)
    .where(where)
    .orderBy('createdAt', 'desc')
    .limit(p.limit)
    .field({ owner: true, kind: true, title: true, body: true, page: true, read: true, createdAt: true })
    .get();
  return data as MessageListItem[];
}

/** The unread badge: one indexed count. */
export async function unreadCount(db: Database, owners: string[]): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection(COLLECTIONS.messages)
    .where({ owner: _.in(owners), read: false })
    .count();
  return total ?? 0;
}

/** Marks one message read, only if one of `owners` owns it; returns whether it changed. */
export async function markRead(db: Database, id: string, owners: string[], now: Date): Promise<boolean> {
  const _ = db.command;
  const r = (await db
    .collection(COLLECTIONS.messages)
    .where({ _id: id, owner: _.in(owners), read: false })
    .update({ read: true, readAt: now })) as { updated?: number };
  return (r.updated ?? 0) > 0;
}

/** Marks everything of `owners` read (全部已读). */
export async function markAllRead(db: Database, owners: string[], now: Date): Promise<number> {
  const _ = db.command;
  const r = (await db
    .collection(COLLECTIONS.messages)
    .where({ owner: _.in(owners), read: false })
    .update({ read: true, readAt: now })) as { updated?: number };
  return r.updated ?? 0;
}

/** One message by id (ownership is checked by the caller against `owner`). */
export async function messageById(db: Database, id: string): Promise<MessageDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.messages).doc(id).get();
  return (data as MessageDoc[])[0];
}
