import { COLLECTIONS } from '@shared/constants/collections';
import type { ReferralDoc } from '@shared/db/schemas/referrals';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Writes one `referrals` record inside the transaction that resolves its task. */
export async function addReferralInTx(t: Tx, doc: ReferralDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.referrals).doc(_id).set(rest);
}

/** One record inside a transaction. */
export const referralsInTx = async (t: Tx, id: string) =>
  txData<ReferralDoc>((await t.collection(COLLECTIONS.referrals).doc(id).get()).data);

/** One record (one request). */
export async function referralsById(db: Database, id: string): Promise<ReferralDoc | undefined> {
  return (await db.collection(COLLECTIONS.referrals).doc(id).get()).data[0] as ReferralDoc | undefined;
}

/** A resident's latest records, newest first (timeline, plan): one request. */
export async function referralsOfResident(
  db: Database,
  residentId: string,
  limit = 20,
): Promise<ReferralDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.referrals)
    .where({ residentId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get();
  return data as ReferralDoc[];
}
