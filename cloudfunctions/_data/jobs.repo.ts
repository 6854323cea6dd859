import { COLLECTIONS } from '@shared/constants/collections';
import type { JobDoc } from '@shared/db/schemas/jobs';
import { type Database, inTransaction } from '../_lib/db';

/**
 * Checkpoints of the scheduler's resumable jobs. A run takes a job's lease in a transaction, works
 * a bounded chunk, then writes its cursor and gives the lease back; a run that dies leaves the
 * lease to expire and the next run resumes from the last checkpoint (work between checkpoints is
 * redone, harmlessly: every message it writes has a deterministic id).
 */

const one = <T>(d: unknown): T | undefined =>
  (Array.isArray(d) ? (d[0] as T | undefined) : (d as T | null | undefined)) ?? undefined;

/** Takes the lease of job `id` for `owner`, creating the job on first use; null when held. */
export async function acquireJob(
  db: Database,
  id: string,
  owner: string,
  leaseUntil: Date,
  now: Date,
  init: Partial<JobDoc> = {},
): Promise<JobDoc | null> {
  return inTransaction(db, async (t) => {
    const ref = t.collection(COLLECTIONS.jobs).doc(id);
    const cur = one<JobDoc>((await ref.get()).data);
    if (cur?.leaseOwner && cur.leaseOwner !== owner && cur.leaseUntil && cur.leaseUntil > now) return null;
    const next: JobDoc = {
      type: 'job',
      status: 'active',
      ...init,
      ...(cur ?? {}),
      _id: id,
      leaseOwner: owner,
      leaseUntil,
      updatedAt: now,
    };
    const { _id, ...rest } = next;
    await ref.set(rest);
    return next;
  });
}

/** Saves progress (cursor, counters, status) while still holding the lease. One request. */
export async function checkpoint(
  db: Database,
  id: string,
  owner: string,
  patch: Partial<Omit<JobDoc, '_id'>>,
  now: Date,
): Promise<void> {
  await db
    .collection(COLLECTIONS.jobs)
    .where({ _id: id, leaseOwner: owner })
    .update({ ...patch, updatedAt: now });
}

/** Gives the lease back (with a last checkpoint). */
export async function releaseJob(
  db: Database,
  id: string,
  owner: string,
  patch: Partial<Omit<JobDoc, '_id'>>,
  now: Date,
): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.jobs)
    .where({ _id: id, leaseOwner: owner })
    .update({ ...patch, leaseOwner: _.remove(), leaseUntil: _.remove(), lastRunAt: now, updatedAt: now });
}

/** Ids of pushes still being fanned out: one indexed read. */
export async function activePushIds(db: Database, limit: number): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTIONS.jobs)
    .where({ type: 'push', status: 'active' })
    .limit(limit)
    .field({ _id: true })
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

export async function jobById(db: Database, id: string): Promise<JobDoc | undefined> {
  return one<JobDoc>((await db.collection(COLLECTIONS.jobs).doc(id).get()).data);
}
