import {
  type Appointment,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  planReminders,
  type SlotDef,
  seatsLeftFor,
} from '@shared/appointment';
import * as appointments from '../../_data/appointments.repo';
import { cancelQueuedInTx, enqueueNewInTx } from '../../_data/outbox.repo';
import * as slots from '../../_data/slots.repo';
import { grantInTx } from '../../_data/subscriptions.repo';
import { type Database, inTransaction, type Tx } from '../../_lib/db';
import { refuse } from '../../_lib/errors';

/**
 * Takes one seat of a slot inside the transaction, or refuses from what it read: SLOT_FULL, or
 * ALREADY_BOOKED when the resident already holds a seat of it. The slot's counter document
 * (`slots/<slotId>`, a deterministic id) is the lock for both guarantees — seats and one live
 * booking per (slot, resident) — so they cost no extra request: it is written whole with `set`,
 * so the first booking of a slot creates it in the same commit, and two bookers of one slot
 * always contend on it (one commits, the other conflicts and is retried, then reads the result).
 */
export async function takeSeat(
  t: Tx,
  slot: SlotDef,
  p: { residentId: string; signed: boolean; now: Date },
): Promise<void> {
  const c = await slots.loadInTx(t, slot.slotId);
  if (c.holders.includes(p.residentId)) refuse('ALREADY_BOOKED');
  if (seatsLeftFor(slot, c, { signed: p.signed }, p.now, CFG) <= 0) refuse('SLOT_FULL');
  await slots.setLoadInTx(t, {
    _id: slot.slotId,
    teamId: slot.teamId,
    day: slot.day,
    booked: c.booked + 1,
    unsignedBooked: c.unsignedBooked + (p.signed ? 0 : 1),
    holders: [...c.holders, p.residentId],
  });
}

/** Gives a seat back (cancel, reschedule away); the resident may book the slot again. */
export async function releaseSeat(
  t: Tx,
  a: Pick<Appointment, 'slotId' | 'signed' | 'residentId' | 'teamId' | 'day'>,
): Promise<void> {
  const c = await slots.loadInTx(t, a.slotId);
  await slots.setLoadInTx(t, {
    _id: a.slotId,
    teamId: a.teamId,
    day: a.day,
    booked: c.booked - 1,
    unsignedBooked: c.unsignedBooked - (a.signed ? 0 : 1),
    holders: c.holders.filter((r) => r !== a.residentId),
  });
}

/**
 * A retry lost a race on the slot counter: read it outside the transaction first, so a booker
 * whose answer is already decided (full, or booked by a double tap) refuses without contending.
 */
export async function decidedAlready(
  db: Database,
  slot: SlotDef,
  p: { residentId: string; signed: boolean; now: Date },
): Promise<void> {
  const c = await slots.findLoad(db, slot.slotId);
  if (!c) return;
  if (c.holders.includes(p.residentId)) refuse('ALREADY_BOOKED');
  if (seatsLeftFor(slot, c, { signed: p.signed }, p.now, CFG) <= 0) refuse('SLOT_FULL');
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
    await cancelQueuedInTx(t, r.dedupeKey, now);
  }
}

/**
 * Books a seat atomically: counter, appointment, reminders and subscribe credit commit together
 * or not at all. Concurrent bookers of the last seat conflict on the counter; inTransaction retries
 * the losers, which then read a full slot and refuse SLOT_FULL (or, out of retries, BUSY).
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
  const who = { residentId: p.appt.residentId, signed: p.appt.signed, now: p.now };
  await inTransaction(db, async (t, attempt) => {
    if (attempt > 1 && !p.replacing) await decidedAlready(db, p.slot, who);
    if (p.replacing) {
      const cur = await appointments.getInTx(t, p.replacing._id);
      if (cur?.status !== 'booked') refuse('ILLEGAL_TRANSITION');
      await releaseSeat(t, p.replacing);
      await appointments.updateInTx(t, p.replacing._id, {
        status: 'cancelled',
        cancelledAt: p.now,
        cancelReason: '改约',
        cancelledBy: 'resident',
        rescheduledTo: p.appt._id,
      });
      await dropReminders(t, p.replacing, p.now);
    }
    await takeSeat(t, p.slot, who);
    await appointments.createInTx(t, { ...p.appt, type: 'slot' });
    await queueReminders(t, p.appt, p);
    if (p.subscribedUserId)
      await grantInTx(
        t,
        { userId: p.subscribedUserId, residentId: p.appt.residentId },
        'appointmentReminder',
        p.now,
      );
  });
}
