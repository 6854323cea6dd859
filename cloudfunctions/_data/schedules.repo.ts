import { type TSchedule, ZSchedule } from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../_lib/db';

/** Schedules: one document per doctor (id `sch-<staffId>`), read whole by team. */
const coll = (db: Database) => db.collection(COLLECTIONS.schedules);

/** Every schedule of a team (a team has a handful of doctors). */
export async function ofTeam(db: Database, teamId: string): Promise<TSchedule[]> {
  const { data } = await coll(db).where({ teamId }).limit(100).get();
  return (data as unknown[]).map((d) => ZSchedule.parse(d));
}

/** One schedule by id. */
export async function findById(db: Database, id: string): Promise<TSchedule | undefined> {
  const d = (await coll(db).doc(id).get()).data[0];
  return d ? ZSchedule.parse(d) : undefined;
}

/** Replaces a doctor's schedule (the editor saves the whole document). */
export async function save(db: Database, s: TSchedule, institutionId: string, now: Date): Promise<void> {
  const { _id, ...rest } = s;
  await coll(db)
    .doc(_id)
    .set({ ...rest, institutionId, updatedAt: now });
}
