import { COLLECTIONS } from '@shared/constants/collections';
import type { DeliveryDoc } from '@shared/db/schemas/deliveries';
import type { Database, Tx } from '../_lib/db';

const coll = (db: Database) => db.collection(COLLECTIONS.deliveries);

/** Reads a document inside a transaction (null and [] both mean missing). */
export async function getInTx<T>(t: Tx, collection: string, id: string): Promise<T | undefined> {
  const cur = (await t.collection(collection).doc(id).get()).data as T | T[] | null | undefined;
  if (Array.isArray(cur)) return cur[0];
  return cur ?? undefined;
}

/** A resident's deliveries (push and read state) for the given articles, one request. */
export async function forResident(
  db: Database,
  residentId: string,
  articleIds: readonly string[],
): Promise<Pick<DeliveryDoc, 'articleId' | 'pushedAt' | 'openedAt' | 'readToEndAt' | '_id'>[]> {
  if (articleIds.length === 0) return [];
  const _ = db.command;
  const { data } = await coll(db)
    .where({ residentId, articleId: _.in([...articleIds]) })
    .field({ articleId: true, pushedAt: true, openedAt: true, readToEndAt: true })
    .limit(articleIds.length)
    .get();
  return data as Pick<DeliveryDoc, 'articleId' | 'pushedAt' | 'openedAt' | 'readToEndAt' | '_id'>[];
}

/** Reach counters over an article or a team: four counts (indexed on articleId / teamId). */
export async function reachCounts(
  db: Database,
  by: { articleId: string } | { teamId: string },
): Promise<{ pushed: number; wechat: number; opened: number; readToEnd: number }> {
  const _ = db.command;
  const count = async (extra: Record<string, unknown>) =>
    (
      await coll(db)
        .where({ ...by, ...extra })
        .count()
    ).total ?? 0;
  const [pushed, wechat, opened, readToEnd] = await Promise.all([
    count({ pushedAt: _.exists(true) }),
    count({ channels: 'wechat' }),
    count({ openedAt: _.exists(true) }),
    count({ readToEndAt: _.exists(true) }),
  ]);
  return { pushed, wechat, opened, readToEnd };
}
