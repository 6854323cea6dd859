import {
  type Appointment,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  planReminders,
  type SlotDef,
  seatsLeftFor,
} from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import { SUBSCRIBE_TEMPLATES } from '@shared/wx/subscribe-templates';
import { type Database, inTransaction, type Tx } from '../_lib/db';
import { refuse } from '../_lib/errors';

type Counter = { booked: number; unsignedBooked: number };

const readCounter = async (t: Tx, slotId: string): Promise<Counter> => {
  const d = (await t.collection(COLLECTIONS.slots).doc(slotId).get()).data as Counter | null | undefined;
  return { booked: d?.booked ?? 0, unsignedBooked: d?.unsignedBooked ?? 0 };
};

/**
 * Takes one seat of a slot inside the transaction, or refuses SLOT_FULL from what it read. The
 * counter is written whole with `set`, so the first booking of a slot creates it in the same
 * commit (no separate "ensure" round trip): two first bookers lock the same document id, the
 * later one conflicts at commit, is retried by the SDK and then reads the counter the first wrote.
 */
export async function takeSeat(t: Tx, slot: SlotDef, signed: boolean, now: Date): Promise<void> {
  const c = await readCounter(t, slot.slotId);
  if (seatsLeftFor(slot, { ...c }, { signed }, now, CFG) <= 0) refuse('SLOT_FULL');
  await t
    .collection(COLLECTIONS.slots)
    .doc(slot.slotId)
    .set({
      teamId: slot.teamId,
      day: slot.day,
      booked: c.booked + 1,
      unsignedBooked: c.unsignedBooked + (signed ? 0 : 1),
    });
}

/** Gives a seat back (cancel, reschedule away). */
export async function releaseSeat(t: Tx, a: Pick<Appointment, 'slotId' | 'signed'>): Promise<void> {
  const c = await readCounter(t, a.slotId);
  await t
    .collection(COLLECTIONS.slots)
    .doc(a.slotId)
    .update({
      booked: Math.max(0, c.booked - 1),
      unsignedBooked: Math.max(0, c.unsignedBooked - (a.signed ? 0 : 1)),
    });
}

/** Reminder entries for the outbox (the scheduler sends them when due and credit allows). */
export async function queueReminders(
  t: Tx,
  a: Appointment,
  p: { residentName: string; doctorName?: string; now: Date },
): Promise<void> {
  const tpl = SUBSCRIBE_TEMPLATES.appointmentReminder;
  const when = `${a.day} ${new Date(a.start.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
  const values: Record<string, string> = {
    name1: p.residentName,
    time2: when,
    thing3: a.location.slice(0, 20),
    thing4: (p.doctorName ? `${p.doctorName}医生` : '家庭医生团队').slice(0, 20),
  };
  for (const r of planReminders(a, p.now, CFG)) {
    await t
      .collection(COLLECTIONS.outbox)
      .doc(r.dedupeKey)
      .set({
        channel: 'subscribe',
        template: 'appointmentReminder',
        templateId: tpl.id,
        residentId: a.residentId,
        appointmentId: a._id,
        data: Object.fromEntries(tpl.fields.map((f) => [f, { value: values[f] ?? '' }])),
        page: 'pages/appointments/index',
        status: 'queued',
        sendAfter: r.sendAt,
        attempts: 0,
        createdAt: p.now,
      });
  }
}

/** Withdraws the reminders still queued for a booking (cancelled or moved). */
export async function dropReminders(t: Tx, a: Appointment, now: Date): Promise<void> {
  // Keys are planned from the start, so both possible keys are known without a query.
  for (const r of planReminders(a, new Date(0), CFG)) {
    const doc = t.collection(COLLECTIONS.outbox).doc(r.dedupeKey);
    const cur = (await doc.get()).data as { status?: string } | null | undefined;
    if (cur?.status === 'queued') await doc.update({ status: 'cancelled', cancelledAt: now });
  }
}

/** Records one more one-time subscribe credit for the reminder template (WeChat grants one per accept). */
export async function addCredit(t: Tx, userId: string, now: Date): Promise<void> {
  const tpl = SUBSCRIBE_TEMPLATES.appointmentReminder;
  const id = `${userId}_${tpl.id}`.slice(0, 64);
  const doc = t.collection(COLLECTIONS.subscriptions).doc(id);
  const cur = (await doc.get()).data as { credits?: number } | null | undefined;
  await doc.set({ userId, templateId: tpl.id, credits: (cur?.credits ?? 0) + 1, updatedAt: now });
}

/**
 * Books a seat atomically: counter, appointment, reminders and subscribe credit commit together
 * or not at all. Concurrent bookers of the last seat conflict on the counter; the SDK retries
 * the losers, which then read a full slot and refuse SLOT_FULL.
 */
export async function bookAtomically(
  db: Database,
  p: {
    slot: SlotDef;
    appt: Appointment;
    residentName: string;
    doctorName?: string;
    subscribedUserId?: string;
    now: Date;
    /** Reschedule: the booking being replaced (released and marked cancelled in the same commit). */
    replacing?: Appointment;
  },
): Promise<void> {
  await inTransaction(db, async (t) => {
    if (p.replacing) {
      const cur = (await t.collection(COLLECTIONS.appointments).doc(p.replacing._id).get()).data as
        | { status?: string }
        | null
        | undefined;
      if (cur?.status !== 'booked') refuse('ILLEGAL_TRANSITION');
      await releaseSeat(t, p.replacing);
      await t.collection(COLLECTIONS.appointments).doc(p.replacing._id).update({
        status: 'cancelled',
        cancelledAt: p.now,
        cancelReason: '改约',
        cancelledBy: 'resident',
        rescheduledTo: p.appt._id,
      });
      await dropReminders(t, p.replacing, p.now);
    }
    await takeSeat(t, p.slot, p.appt.signed, p.now);
    const { _id, ...rest } = p.appt;
    await t
      .collection(COLLECTIONS.appointments)
      .doc(_id)
      .set({ ...rest, type: 'slot' });
    await queueReminders(t, p.appt, p);
    if (p.subscribedUserId) await addCredit(t, p.subscribedUserId, p.now);
  });
}
