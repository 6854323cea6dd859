import {
  type Appointment,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  planReminders,
  type SlotDef,
  seatsLeftFor,
} from '@shared/appointment';
import { COLLECTIONS } from '@shared/constants/collections';
import { enqueueNewInTx } from '../_data/outbox.repo';
import { grantInTx } from '../_data/subscriptions.repo';
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

/**
 * Reminder entries for the outbox (the scheduler sends them when due, through the channel the
 * resident's credits allow). Values are stored by meaning and full length; the template mapping
 * and WeChat's truncation are applied at send time (docs/messaging.md).
 */
export async function queueReminders(
  t: Tx,
  a: Appointment,
  p: { residentName: string; doctorName?: string; now: Date },
): Promise<void> {
  const when = `${a.day} ${new Date(a.start.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
  const doctor = p.doctorName ? `${p.doctorName}医生` : '家庭医生团队';
  for (const r of planReminders(a, p.now, CFG)) {
    // The key names this new appointment, so nothing can be queued under it yet: one write.
    await enqueueNewInTx(
      t,
      {
        _id: r.dedupeKey,
        kind: 'appointment.reminder',
        template: 'appointmentReminder',
        to: { residentId: a.residentId },
        title: r.kind === 'eve' ? '明天有预约就诊' : '预约就诊即将开始',
        body: `${when}，${a.location}，${doctor}。请按时就诊，不能前往请提前取消。`,
        data: { resident: p.residentName, time: when, place: a.location, doctor },
        page: 'pages/appointments/index',
        sendAfter: r.sendAt,
        ref: { kind: 'appointment', id: a._id },
      },
      p.now,
    );
  }
}

/** Withdraws the reminders still queued for a booking (cancelled or moved). */
export async function dropReminders(t: Tx, a: Appointment, now: Date): Promise<void> {
  // Keys are planned from the start, so both possible keys are known without a query.
  for (const r of planReminders(a, new Date(0), CFG)) {
    const doc = t.collection(COLLECTIONS.outbox).doc(r.dedupeKey);
    const cur = (await doc.get()).data as { status?: string } | null | undefined;
    if (cur?.status === 'queued') await doc.update({ status: 'cancelled', updatedAt: now });
  }
}

/** Records one more one-time subscribe credit for the reminder template (WeChat grants one per accept). */
export async function addCredit(t: Tx, userId: string, now: Date, residentId?: string): Promise<void> {
  await grantInTx(t, { userId, ...(residentId ? { residentId } : {}) }, 'appointmentReminder', now);
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
