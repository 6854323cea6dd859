import type { book, reschedule } from '@shared/api/appointment';
import {
  type Appointment,
  bookingRefusal,
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  findSlot,
  parseSlotId,
  type SlotDef,
} from '@shared/appointment';
import { addDays, shanghaiDay } from '@shared/time';
import * as appointments from '../_data/appointments.repo';
import * as contracts from '../_data/contracts.repo';
import * as residents from '../_data/residents.repo';
import * as schedules from '../_data/schedules.repo';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { bookAtomically } from './support/book.tx';
import { newId } from './support/ids';
import { appointmentView } from './support/view';

/** The slot a client names, regenerated from the stored schedule (never trusted from the client). */
async function slotFromSchedule(ctx: HandlerContext, slotId: string): Promise<SlotDef> {
  const parts = parseSlotId(slotId) ?? refuse('SLOT_NOT_FOUND');
  const schedule = (await schedules.findById(ctx.db, parts.scheduleId)) ?? refuse('SLOT_NOT_FOUND');
  return findSlot([schedule], slotId, CAL, CFG) ?? refuse('SLOT_NOT_FOUND');
}

/** Runs every booking rule for a resident and a slot; throws the first refusal. */
async function checkBookable(ctx: HandlerContext, residentId: string, slot: SlotDef, replacing?: string) {
  const { db, now } = ctx;
  // Live bookings (overlap rule) and recent no-shows (restriction rule) in one query.
  const [active, { live: mine, noShowDays }] = await Promise.all([
    contracts.activeOf(db, residentId, now),
    appointments.bookingHistoryOf(
      db,
      residentId,
      now,
      addDays(shanghaiDay(now), -CFG.noShow.windowDays - CFG.noShow.restrictDays),
    ),
  ]);
  const signed = active?.teamId === slot.teamId;
  // Seats are checked again inside the transaction; here an empty load lets the cheaper rules
  // answer first (a past slot is SLOT_IN_PAST even when it is also full).
  const code = bookingRefusal({
    slot,
    load: { slotId: slot.slotId, booked: 0, unsignedBooked: 0 },
    viewer: { signed },
    now,
    mine,
    noShowDays,
    cfg: CFG,
    ...(replacing ? { replacing } : {}),
  });
  if (code) refuse(code);
  // The contract carries the resident's name: a signed booker's reminders need no resident read.
  return { signed, name: active?.residentName };
}

/** The resident's name for reminder texts (only when no contract supplied it). */
const residentName = async (ctx: HandlerContext, id: string): Promise<string> =>
  (await residents.findById(ctx.db, id, ['name']))?.name ?? refuse('NOT_FOUND');

const newAppointment = (
  slot: SlotDef,
  p: { residentId: string; signed: boolean; userId: string; now: Date; note?: string; from?: string },
): Appointment => ({
  _id: newId('ap'),
  slotId: slot.slotId,
  scheduleId: slot.scheduleId,
  residentId: p.residentId,
  teamId: slot.teamId,
  ...(slot.doctorId ? { doctorId: slot.doctorId } : {}),
  day: slot.day,
  start: slot.start,
  end: slot.end,
  kind: slot.kind,
  location: slot.location,
  status: 'booked',
  signed: p.signed,
  bookedAt: p.now,
  bookedByUserId: p.userId,
  ...(p.note ? { note: p.note } : {}),
  ...(p.from ? { rescheduledFrom: p.from } : {}),
});

/**
 * A resident books a slot for self or a family member (OUT_OF_SCOPE for anyone else). The slot is
 * regenerated from the schedule, the rules run, then one transaction takes the seat and writes
 * the booking, its reminders and the subscribe credit.
 */
export const bookHandler: Handler<typeof book> = async ({ ctx, input }) => {
  ctx.authorize({ residentId: input.residentId });
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  const slot = await slotFromSchedule(ctx, input.slotId);
  const { signed, name } = await checkBookable(ctx, input.residentId, slot);
  const resident = { name: name ?? (await residentName(ctx, input.residentId)) };
  const appt = newAppointment(slot, { ...input, signed, userId, now: ctx.now });
  try {
    await bookAtomically(ctx.db, {
      slot,
      appt,
      residentName: resident.name,
      ...(slot.doctorName ? { doctorName: slot.doctorName } : {}),
      ...(input.subscribed ? { subscribedUserId: userId } : {}),
      now: ctx.now,
    });
  } catch (e) {
    // The unique (slotId, residentId) index: a double tap booked the same slot a moment ago.
    if (isDuplicateWrite(e)) refuse('ALREADY_BOOKED');
    throw e;
  }
  return appointmentView({ ...appt, type: 'slot' }, resident.name, slot.doctorName);
};

/** Moves a live booking to another slot of the same team: one commit releases and takes. */
export const rescheduleHandler: Handler<typeof reschedule> = async ({ ctx, input }) => {
  const old =
    (await appointments.findBooking(ctx.db, input.appointmentId)) ?? refuse('APPOINTMENT_NOT_FOUND');
  ctx.authorize({ residentId: old.residentId });
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  if (old.status !== 'booked') refuse('ILLEGAL_TRANSITION');
  if (old.start.getTime() - ctx.now.getTime() < CFG.changeCutoffMinutes * 60_000)
    refuse('TOO_LATE_TO_CHANGE');
  const slot = await slotFromSchedule(ctx, input.slotId);
  if (slot.teamId !== old.teamId) refuse('SLOT_NOT_FOUND');
  const { signed, name } = await checkBookable(ctx, old.residentId, slot, old._id);
  const resident = { name: name ?? (await residentName(ctx, old.residentId)) };
  const appt = newAppointment(slot, {
    residentId: old.residentId,
    signed,
    userId,
    now: ctx.now,
    from: old._id,
  });
  try {
    await bookAtomically(ctx.db, {
      slot,
      appt,
      residentName: resident.name,
      ...(slot.doctorName ? { doctorName: slot.doctorName } : {}),
      now: ctx.now,
      replacing: old,
    });
  } catch (e) {
    if (isDuplicateWrite(e)) refuse('ALREADY_BOOKED');
    throw e;
  }
  return appointmentView({ ...appt, type: 'slot' }, resident.name, slot.doctorName);
};
