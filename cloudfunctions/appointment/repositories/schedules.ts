import { type TSchedule, ZSchedule } from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../../_lib/db';

/** Schedules: one document per doctor (id `sch-<staffId>`), read whole by team. */
export class ScheduleRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.schedules);
  }

  /** Every schedule of a team (a team has a handful of doctors). */
  async ofTeam(teamId: string): Promise<TSchedule[]> {
    const { data } = await this.coll.where({ teamId }).limit(100).get();
    return (data as unknown[]).map((d) => ZSchedule.parse(d));
  }

  /** One schedule by id. */
  async byId(id: string): Promise<TSchedule | undefined> {
    const d = (await this.coll.doc(id).get()).data[0];
    return d ? ZSchedule.parse(d) : undefined;
  }

  /** Replaces a doctor's schedule (the editor saves the whole document). */
  async save(s: TSchedule, institutionId: string, now: Date): Promise<void> {
    const { _id, ...rest } = s;
    await this.coll.doc(_id).set({ ...rest, institutionId, updatedAt: now });
  }
}
