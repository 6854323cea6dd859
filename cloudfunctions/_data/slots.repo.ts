import type { SlotLoad } from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import type { SlotDoc } from '@shared/db/schemas/slots';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** Per-slot seat counters (`_id` = slot id): the one document concurrent bookers contend on. */

/** Loads of a team's slots with bookings on some days (paged to 1,000). */
export async function loadsOfTeam(
  db: Database,
  teamId: string,
  fromDay: string,
  toDay: string,
): Promise<SlotLoad[]> {
  const _ = db.command;
  const out: SlotLoad[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db
      .collection(COLLECTIONS.slots)
      .where({ teamId, day: _.gte(fromDay).and(_.lte(toDay)), booked: _.gt(0) })
      .field({ booked: true, unsignedBooked: true })
      .skip(offset)
      .limit(1000)
      .get();
    for (const d of data as Pick<SlotDoc, '_id' | 'booked' | 'unsignedBooked'>[])
      out.push({ slotId: d._id, booked: d.booked, unsignedBooked: d.unsignedBooked });
    if (data.length < 1000) return out;
  }
}

export type SlotLoadState = Pick<SlotDoc, 'booked' | 'unsignedBooked'> & { holders: string[] };

const stateOf = (d: Partial<SlotDoc> | undefined): SlotLoadState => ({
  booked: d?.booked ?? 0,
  unsignedBooked: d?.unsignedBooked ?? 0,
  holders: d?.holders ?? [],
});

/** A slot's counter inside a transaction (zeros when nobody booked it yet). */
export async function loadInTx(t: Tx, slotId: string): Promise<SlotLoadState> {
  return stateOf(txData<SlotDoc>((await t.collection(COLLECTIONS.slots).doc(slotId).get()).data));
}

/** A slot's counter read outside a transaction (a retry's pre-check); undefined when never booked. */
export async function findLoad(db: Database, slotId: string): Promise<SlotLoadState | undefined> {
  const { data } = await db.collection(COLLECTIONS.slots).doc(slotId).get();
  const d = data[0] as SlotDoc | undefined;
  return d ? stateOf(d) : undefined;
}

/** Writes a slot's counter whole (`set`), so the first booking creates it in the same commit. */
export async function setLoadInTx(t: Tx, doc: SlotDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t
    .collection(COLLECTIONS.slots)
    .doc(_id)
    .set({ ...rest, booked: Math.max(0, rest.booked), unsignedBooked: Math.max(0, rest.unsignedBooked) });
}
