import { COLLECTIONS } from '@shared/constants/collections';
import type { LiveQuestionDoc, LiveSessionDoc } from '@shared/db/schemas/liveSessions';
import type { Database } from '../_lib/db';

const coll = (db: Database) => db.collection(COLLECTIONS.liveSessions);

/** Inserts a session. */
export async function create(db: Database, doc: LiveSessionDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await coll(db).doc(_id).set(rest);
}

/** One session. */
export async function findById(db: Database, id: string): Promise<LiveSessionDoc | undefined> {
  const { data } = await coll(db).doc(id).get();
  return data[0] as LiveSessionDoc | undefined;
}

/** Sessions not yet over, soonest first, of a district (residents) or an institution (hosts). */
export async function upcoming(
  db: Database,
  where: { districtId?: string; institutionId?: string },
  since: Date,
): Promise<LiveSessionDoc[]> {
  const _ = db.command;
  const q: Record<string, unknown> = { startsAt: _.gte(new Date(since.getTime() - 4 * 3600_000)) };
  if (where.districtId) q.districtId = where.districtId;
  if (where.institutionId) q.institutionId = where.institutionId;
  const { data } = await coll(db).where(q).orderBy('startsAt', 'asc').limit(20).get();
  return data as LiveSessionDoc[];
}

/** Which of these sessions a resident registered for (one request). */
export async function registeredOf(
  db: Database,
  residentId: string,
  sessionIds: readonly string[],
): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.liveRegistrations)
    .where({ residentId, sessionId: _.in([...sessionIds]) })
    .field({ sessionId: true })
    .limit(sessionIds.length)
    .get();
  return new Set((data as { sessionId: string }[]).map((r) => r.sessionId));
}

/** A session's questions, oldest first (the host reads them in order). */
export async function questionsOf(db: Database, sessionId: string): Promise<LiveQuestionDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.liveQuestions)
    .where({ sessionId })
    .orderBy('createdAt', 'asc')
    .limit(200)
    .get();
  return data as LiveQuestionDoc[];
}
