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

  /**
   * One request for the booking rules: the resident's booked and no-show
   * slot appointments since `sinceDay`, newest first. Live bookings are all on or after today, so
   * they always fall inside the window and come first under the limit.
   */
  async bookingHistoryOf(
    residentId: string,
    now: Date,
    sinceDay: string,
  ): Promise<{ live: AppointmentDoc[]; noShowDays: string[] }> {
    const _ = this.db.command;
    const { data } = await this.coll
      .where({ residentId, type: 'slot', status: _.in(['booked', 'no_show']), day: _.gte(sinceDay) })
      .field({ start: true, end: true, status: true, day: true })
      .orderBy('day', 'desc')
      .limit(200)
      .get();
    const docs = data as (AppointmentDoc & { day: string })[];
    return {
      live: docs.filter((d) => d.status === 'booked' && new Date(d.end).getTime() > now.getTime()),
      noShowDays: docs.filter((d) => d.status === 'no_show').map((d) => d.day),
    };
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
}
