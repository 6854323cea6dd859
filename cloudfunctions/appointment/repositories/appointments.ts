import type { Appointment, HomeVisit, SlotLoad } from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../../_lib/db';

/**
 * The `appointments` collection holds slot bookings (`type: 'slot'`) and home-visit requests
 * (`type: 'home_visit'`): both are the team's appointments with a resident.
 */
export type AppointmentDoc = Appointment & { type: 'slot' };
export type HomeVisitDoc = HomeVisit & { type: 'home_visit' };

/** Bookings and home visits: intent-named reads; state changes go through transactions. */
export class AppointmentRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.appointments);
  }

  async byId(id: string): Promise<AppointmentDoc | undefined> {
    const d = (await this.coll.doc(id).get()).data[0] as AppointmentDoc | HomeVisitDoc | undefined;
    return d?.type === 'slot' ? d : undefined;
  }

  async homeVisitById(id: string): Promise<HomeVisitDoc | undefined> {
    const d = (await this.coll.doc(id).get()).data[0] as AppointmentDoc | HomeVisitDoc | undefined;
    return d?.type === 'home_visit' ? d : undefined;
  }

  /** A resident's live bookings that have not ended (for the overlap rule). */
  async liveOf(residentId: string, now: Date): Promise<AppointmentDoc[]> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where({ residentId, type: 'slot', status: 'booked', end: _.gt(now) })
      .field({ start: true, end: true, status: true })
      .limit(100)
      .get();
    return data as AppointmentDoc[];
  }

  /** Shanghai days of a resident's no-shows since `sinceDay` (the no-show rule's window). */
  async noShowDaysOf(residentId: string, sinceDay: string): Promise<string[]> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where({ residentId, type: 'slot', status: 'no_show', day: _.gte(sinceDay) })
      .field({ day: true })
      .limit(100)
      .get();
    return (data as { day: string }[]).map((d) => d.day);
  }

  /** Bookings and home visits of some residents (a family), newest first. */
  async ofResidents(
    ids: readonly string[],
    fromDay: string,
    toDay: string,
  ): Promise<(AppointmentDoc | HomeVisitDoc)[]> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where(
        _.or([
          { residentId: _.in([...ids]), type: 'slot', day: _.gte(fromDay).and(_.lte(toDay)) },
          { residentId: _.in([...ids]), type: 'home_visit', preferredDay: _.gte(fromDay).and(_.lte(toDay)) },
        ]),
      )
      .orderBy('start', 'desc')
      .limit(200)
      .get();
    return data as (AppointmentDoc | HomeVisitDoc)[];
  }

  /** A team's bookings on some days, optionally of one doctor, in time order (paged to 1,000). */
  async ofTeam(teamId: string, fromDay: string, toDay: string, doctorId?: string): Promise<AppointmentDoc[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { teamId, type: 'slot', day: _.gte(fromDay).and(_.lte(toDay)) };
    if (doctorId) where.doctorId = doctorId;
    const out: AppointmentDoc[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { data } = await this.coll.where(where).orderBy('start', 'asc').skip(offset).limit(1000).get();
      out.push(...(data as AppointmentDoc[]));
      if (data.length < 1000) return out;
    }
  }

  /** A team's home visits waiting or planned (requested, or accepted for these days). */
  async homeVisitsOfTeam(teamId: string, fromDay: string, toDay: string): Promise<HomeVisitDoc[]> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where(
        _.or([
          { teamId, type: 'home_visit', status: 'requested' },
          { teamId, type: 'home_visit', status: 'accepted', visitDay: _.gte(fromDay).and(_.lte(toDay)) },
        ]),
      )
      .limit(200)
      .get();
    return data as HomeVisitDoc[];
  }

  async insertHomeVisit(doc: HomeVisitDoc): Promise<void> {
    const { _id, ...rest } = doc;
    await this.coll.add({ _id, ...rest });
  }

  /** Writes a home-visit transition only if it is still in `expected` status; false when it lost. */
  async transitionHomeVisit(
    id: string,
    expected: HomeVisit['status'],
    patch: Partial<HomeVisitDoc>,
  ): Promise<boolean> {
    const r = await this.coll.where({ _id: id, type: 'home_visit', status: expected }).update(patch);
    return r.updated === 1;
  }
}

/** Per-slot seat counters (`slots` collection, id = slot id): the one document bookings contend on. */
export class SlotLoadRepository {
  constructor(private readonly db: Database) {}

  /** Loads of a team's slots on some days. */
  async ofTeam(teamId: string, fromDay: string, toDay: string): Promise<SlotLoad[]> {
    const _ = this.db.command;
    const out: SlotLoad[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { data } = await this.db
        .collection(COLLECTIONS.slots)
        .where({ teamId, day: _.gte(fromDay).and(_.lte(toDay)), booked: _.gt(0) })
        .field({ booked: true, unsignedBooked: true })
        .skip(offset)
        .limit(1000)
        .get();
      for (const d of data as { _id: string; booked: number; unsignedBooked: number }[])
        out.push({ slotId: d._id, booked: d.booked, unsignedBooked: d.unsignedBooked });
      if (data.length < 1000) return out;
    }
  }

  /**
   * Makes sure the counter exists before a transaction updates it: created once with zero seats
   * taken; a concurrent creator's clash is harmless (the other one made it).
   */
  async ensure(slot: { slotId: string; teamId: string; day: string }): Promise<void> {
    const coll = this.db.collection(COLLECTIONS.slots);
    if ((await coll.doc(slot.slotId).field({ _id: true }).get()).data.length) return;
    try {
      await coll.add({ _id: slot.slotId, teamId: slot.teamId, day: slot.day, booked: 0, unsignedBooked: 0 });
    } catch (e) {
      if ((e as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw e;
    }
  }
}
