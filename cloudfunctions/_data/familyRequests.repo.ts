import { createHash } from 'node:crypto';
import { COLLECTIONS } from '@shared/constants/collections';
import type { FamilyRequestDoc } from '@shared/db/schemas/familyRequests';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Requests to act for a person who has an account of their own (schema: shared/db/schemas/familyRequests.ts). */
const coll = (db: Database) => db.collection(COLLECTIONS.familyRequests);

/** One request per (requester, person): asking again reuses it. */
export const familyRequestId = (requesterUserId: string, residentId: string): string =>
  `fr_${createHash('sha256').update(`${requesterUserId}:${residentId}`).digest('hex').slice(0, 24)}`;

/** Opens (or re-opens) a request; an already accepted one is left as it is. */
export async function ask(db: Database, doc: FamilyRequestDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await coll(db).doc(_id).set(rest);
}

/** One request. */
export async function findById(db: Database, id: string): Promise<FamilyRequestDoc | undefined> {
  const { data } = await coll(db).doc(id).get();
  return data[0] as FamilyRequestDoc | undefined;
}

/** Requests waiting for one person's answer, newest first (a handful at most). */
export async function pendingFor(db: Database, residentId: string, limit = 20): Promise<FamilyRequestDoc[]> {
  const { data } = await coll(db)
    .where({ residentId, status: 'pending' })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return data as FamilyRequestDoc[];
}

/** Reads a request inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<FamilyRequestDoc | undefined> {
  return txData<FamilyRequestDoc>((await t.collection(COLLECTIONS.familyRequests).doc(id).get()).data);
}

/** Records the answer inside the transaction that links (or not) the requester. */
export async function answerInTx(
  t: Tx,
  id: string,
  status: 'accepted' | 'declined',
  at: Date,
): Promise<void> {
  await t.collection(COLLECTIONS.familyRequests).doc(id).update({ status, answeredAt: at });
}
