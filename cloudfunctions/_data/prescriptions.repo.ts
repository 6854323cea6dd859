import { COLLECTIONS } from '@shared/constants/collections';
import type { PrescriptionDoc } from '@shared/db/schemas/prescriptions';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Writes one `prescriptions` record inside the transaction that resolves its task. */
export async function addPrescriptionInTx(t: Tx, doc: PrescriptionDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.prescriptions).doc(_id).set(rest);
}

/** One record inside a transaction. */
export const prescriptionsInTx = async (t: Tx, id: string) =>
  txData<PrescriptionDoc>((await t.collection(COLLECTIONS.prescriptions).doc(id).get()).data);

/** One record (one request). */
export async function prescriptionsById(db: Database, id: string): Promise<PrescriptionDoc | undefined> {
  return (await db.collection(COLLECTIONS.prescriptions).doc(id).get()).data[0] as
    | PrescriptionDoc
    | undefined;
}

/** A resident's latest records, newest first (timeline, plan): one request. */
export async function prescriptionsOfResident(
  db: Database,
  residentId: string,
  limit = 20,
): Promise<PrescriptionDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.prescriptions)
    .where({ residentId })
    .orderBy('at', 'desc')
    .limit(limit)
    .get();
  return data as PrescriptionDoc[];
}
