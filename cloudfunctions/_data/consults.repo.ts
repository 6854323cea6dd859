import { COLLECTIONS } from '@shared/constants/collections';
import type { ConsultDoc, ConsultMessageDoc } from '@shared/db/schemas/consults';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** A resident's one conversation with their team (reopened after a close). */
export const consultIdOf = (residentId: string): string => `cs_${residentId}`;

export async function findById(db: Database, id: string): Promise<ConsultDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.consults).doc(id).get();
  return data[0] as ConsultDoc | undefined;
}

export async function getInTx(t: Tx, id: string): Promise<ConsultDoc | undefined> {
  return txData<ConsultDoc>((await t.collection(COLLECTIONS.consults).doc(id).get()).data);
}

export async function putInTx(t: Tx, doc: ConsultDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.consults).doc(_id).set(rest);
}

export async function updateInTx(t: Tx, id: string, patch: Partial<ConsultDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.consults).doc(id).update(fields);
}

export async function addMessageInTx(t: Tx, doc: ConsultMessageDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.consultMessages).doc(_id).set(rest);
}

/** The newest `limit` messages of a conversation, oldest first (index consultId_createdAt). */
export async function messagesOf(
  db: Database,
  consultId: string,
  limit: number,
): Promise<ConsultMessageDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.consultMessages)
    .where({ consultId })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return (data as ConsultMessageDoc[]).reverse();
}

export type InboxRow = Pick<ConsultDoc, '_id' | 'residentId' | 'lastAt' | 'dueAt'>;

/**
 * A team's unanswered conversations, least time left first (overdue ones lead), and the counts:
 * three requests on index teamId_awaiting_dueAt, whatever the team's size.
 */
export async function inboxOf(
  db: Database,
  teamId: string,
  now: Date,
  onlyOverdue: boolean,
  limit: number,
): Promise<{ rows: InboxRow[]; awaiting: number; overdue: number }> {
  const _ = db.command;
  const base = { teamId, awaiting: true };
  const overdueWhere = { ...base, dueAt: _.lt(now) };
  const c = db.collection(COLLECTIONS.consults);
  const [page, all, late] = await Promise.all([
    c
      .where(onlyOverdue ? overdueWhere : base)
      .orderBy('dueAt', 'asc')
      .field({ residentId: true, lastAt: true, dueAt: true })
      .limit(limit)
      .get(),
    c.where(base).count(),
    c.where(overdueWhere).count(),
  ]);
  return { rows: page.data as InboxRow[], awaiting: all.total ?? 0, overdue: late.total ?? 0 };
}
