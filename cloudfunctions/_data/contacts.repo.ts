import { COLLECTIONS } from '@shared/constants/collections';
import type { ContactDoc } from '@shared/db/schemas/contacts';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Writes one `contacts` record inside the transaction that resolves its task. */
export async function addContactInTx(t: Tx, doc: ContactDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.contacts).doc(_id).set(rest);
}

/** One record inside a transaction. */
export const contactsInTx = async (t: Tx, id: string) =>
  txData<ContactDoc>((await t.collection(COLLECTIONS.contacts).doc(id).get()).data);

/** One record (one request). */
export async function contactsById(db: Database, id: string): Promise<ContactDoc | undefined> {
  return (await db.collection(COLLECTIONS.contacts).doc(id).get()).data[0] as ContactDoc | undefined;
}

/** A resident's latest records, newest first (timeline, plan): one request. */
export async function contactsOfResident(
  db: Database,
  residentId: string,
  limit = 20,
): Promise<ContactDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.contacts)
    .where({ residentId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get();
  return data as ContactDoc[];
}
