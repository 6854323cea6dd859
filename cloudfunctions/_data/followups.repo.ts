import { COLLECTIONS } from '@shared/constants/collections';
import type { FollowupDoc } from '@shared/db/schemas/followups';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Writes one `followups` record inside the transaction that resolves its task. */
export async function addFollowupInTx(t: Tx, doc: FollowupDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.followups).doc(_id).set(rest);
}

/** One record inside a transaction. */
export const followupsInTx = async (t: Tx, id: string) =>
  txData<FollowupDoc>((await t.collection(COLLECTIONS.followups).doc(id).get()).data);

/** One record (one request). */
export async function followupsById(db: Database, id: string): Promise<FollowupDoc | undefined> {
  return (await db.collection(COLLECTIONS.followups).doc(id).get()).data[0] as FollowupDoc | undefined;
}

/** A resident's latest records, newest first (timeline, plan): one request. */
export async function followupsOfResident(
  db: Database,
  residentId: string,
  limit = 20,
): Promise<FollowupDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.followups)
    .where({ residentId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get();
  return data as FollowupDoc[];
}
