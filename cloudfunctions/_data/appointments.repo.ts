import type { HomeVisit } from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import type { AppointmentDoc, AppointmentsDoc, HomeVisitDoc } from '@shared/db/schemas/appointments';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

export type { AppointmentDoc, HomeVisitDoc };

/** Bookings (`type: 'slot'`) and home visits (`type: 'home_visit'`) of the `appointments` collection. */
const coll = (db: Database) => db.collection(COLLECTIONS.appointments);

/** One slot booking, or undefined (also for a home visit with that id). */
export async function findBooking(db: Database, id: string): Promise<AppointmentDoc | undefined> {
  const d = (await coll(db).doc(id).get()).data[0] as AppointmentsDoc | undefined;
  return d?.type === 'slot' ? d : undefined;
}

/** One home-visit request, or undefined. */
export async function findHomeVisit(db: Database, id: string): Promise<HomeVisitDoc | undefined> {
  const d = (await coll(db).doc(id).get()).data[0] as AppointmentsDoc | undefined;
  return d?.type === 'home_visit' ? d : undefined;
}

/**
 * One request for the booking rules: the resident's booked and no-show slot appointments since
 * `sinceDay`, newest first. Live bookings are all on or after today, so they always fall inside
 * the window and come first under the limit.
 */
export async function bookingHistoryOf(
  db: Database,
  residentId: string,
  now: Date,
  sinceDay: string,
): Promise<{ live: AppointmentDoc[]; noShowDays: string[] }> {
  const _ = db.command;
  const { data } = await coll(db)
    .where({ residentId, type: 'slot', status: _.in(['booked', 'no_show']), day: _.gte(sinceDay) })
    .field({ start: true, end: true, status: true, day: true, slotId: true })
    .orderBy('day', 'desc')
    .limit(200)
    .get();
  const docs = data as AppointmentDoc[];
  return {
    live: docs.filter((d) => d.status === 'booked' && new Date(d.end).getTime() > now.getTime()),
    noShowDays: docs.filter((d) => d.status === 'no_show').map((d) => d.day),
  };
}

/** Bookings and home visits of some residents (a family) within some days, newest first. */
export async function ofResidents(
  db: Database,
  ids: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<AppointmentsDoc[]> {
  const _ = db.command;
  const { data } = await coll(db)
    .where(
      _.or([
        { residentId: _.in([...ids]), type: 'slot', day: _.gte(fromDay).and(_.lte(toDay)) },
        { residentId: _.in([...ids]), type: 'home_visit', preferredDay: _.gte(fromDay).and(_.lte(toDay)) },
      ]),
    )
    .orderBy('start', 'desc')
    .limit(200)
    .get();
  return data as AppointmentsDoc[];
}

/** A team's bookings on some days, optionally of one doctor, in time order (paged to 1,000). */
export async function ofTeam(
  db: Database,
  teamId: string,
  fromDay: string,
  toDay: string,
  doctorId?: string,
): Promise<AppointmentDoc[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { teamId, type: 'slot', day: _.gte(fromDay).and(_.lte(toDay)) };
  if (doctorId) where.doctorId = doctorId;
  const out: AppointmentDoc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await coll(db).where(where).orderBy('start', 'asc').skip(offset).limit(1000).get();
    out.push(...(data as AppointmentDoc[]));
    if (data.length < 1000) return out;
  }
}

/** A team's home visits waiting or planned (requested, or accepted for these days). */
export async function homeVisitsOfTeam(
  db: Database,
  teamId: string,
  fromDay: string,
  toDay: string,
): Promise<HomeVisitDoc[]> {
  const _ = db.command;
  const { data } = await coll(db)
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

/** Inserts a home-visit request. */
export async function insertHomeVisit(db: Database, doc: HomeVisitDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await coll(db).add({ _id, ...rest });
}

/** Writes a home-visit transition only if it is still in `expected` status; false when it lost. */
export async function transitionHomeVisit(
  db: Database,
  id: string,
  expected: HomeVisit['status'],
  patch: Partial<HomeVisitDoc>,
): Promise<boolean> {
  const r = await coll(db).where({ _id: id, type: 'home_visit', status: expected }).update(patch);
  return r.updated === 1;
}

/** Reads a booking inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<AppointmentsDoc | undefined> {
  return txData<AppointmentsDoc>((await t.collection(COLLECTIONS.appointments).doc(id).get()).data);
}

/** Writes a new booking inside a transaction. */
export async function createInTx(t: Tx, doc: AppointmentDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.appointments).doc(_id).set(rest);
}

/** Patches a booking inside a transaction (the caller has read and checked its status). */
export async function updateInTx(t: Tx, id: string, patch: Partial<AppointmentDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.appointments).doc(id).update(fields);
}
