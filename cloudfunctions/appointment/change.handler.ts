import type { cancel, markAttended, markNoShow } from '@shared/api/appointment';
import {
  attendRefusal,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  changeRefusal,
  noShowRefusal,
} from '@shared/appointment';
import type { AppointmentDoc } from '@shared/db/schemas/appointments';
import { shanghaiDay } from '@shared/time';
import * as appointments from '../_data/appointments.repo';
import * as contacts from '../_data/contacts.repo';
import * as residents from '../_data/residents.repo';
import * as teams from '../_data/teams.repo';
import { inTransaction, type Tx } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { dropReminders, releaseSeat } from './support/book.tx';
import { appointmentView } from './support/view';

/** Loads a booking and checks the caller reaches it (its resident for residents, its team for staff). */
async function load(ctx: HandlerContext, id: string): Promise<AppointmentDoc> {
  const a = (await appointments.findBooking(ctx.db, id)) ?? refuse('APPOINTMENT_NOT_FOUND');
  ctx.authorize({ residentId: a.residentId, teamId: a.teamId });
  return a;
}

/** Inside a transaction: the booking must still be `booked` (a concurrent change loses here). */
async function stillBooked(t: Tx, id: string): Promise<void> {
  if ((await appointments.getInTx(t, id))?.status !== 'booked') refuse('ILLEGAL_TRANSITION');
}

async function view(ctx: HandlerContext, a: AppointmentDoc) {
  const [name, team] = await Promise.all([
    residents.findById(ctx.db, a.residentId, ['name', 'birthDate', 'tags', 'gridId']),
    teams.summary(ctx.db, a.teamId),
  ]);
  const doctor = team?.members.find((m) => m.staffId === a.doctorId)?.name;
  return appointmentView(a, name?.name ?? '', doctor);
}

/** Cancels with a reason (resident until the cut-off, staff until the end); the seat goes back. */
export const cancelHandler: Handler<typeof cancel> = async ({ ctx, input }) => {
  const a = await load(ctx, input.appointmentId);
  const by: 'resident' | 'staff' = ctx.caller.role === 'resident' ? 'resident' : 'staff';
  const code = changeRefusal(a, ctx.now, by, CFG);
  if (code) refuse(code);
  const patch = {
    status: 'cancelled' as const,
    cancelledAt: ctx.now,
    cancelReason: input.reason,
    cancelledBy: by,
  };
  await inTransaction(ctx.db, async (t) => {
    await stillBooked(t, a._id);
    await appointments.updateInTx(t, a._id, patch);
    await releaseSeat(t, a);
    await dropReminders(t, a, ctx.now);
  });
  return view(ctx, { ...a, ...patch });
};

/**
 * The resident came: the booking is closed and a face-to-face contact is recorded in the same
 * commit (contacts count toward the quarterly contact rule, shared/schedule).
 */
export const markAttendedHandler: Handler<typeof markAttended> = async ({ ctx, input }) => {
  const a = await load(ctx, input.appointmentId);
  const code = attendRefusal(a, ctx.now, CFG);
  if (code) refuse(code);
  const patch = {
    status: 'attended' as const,
    attendedAt: ctx.now,
    markedByStaffId: ctx.caller.staffId ?? '',
  };
  await inTransaction(ctx.db, async (t) => {
    await stillBooked(t, a._id);
    await appointments.updateInTx(t, a._id, patch);
    // Recorded in the care domain's contact shape, so the quarterly contact rule counts it.
    await contacts.addContactInTx(t, {
      _id: `ct_${a._id}`,
      residentId: a.residentId,
      teamId: a.teamId,
      day: shanghaiDay(ctx.now),
      at: ctx.now,
      channel: 'visit',
      outcome: 'reached',
      ...(input.note ? { note: input.note } : {}),
      ...(ctx.caller.staffId ? { byStaffId: ctx.caller.staffId } : {}),
    });
  });
  return view(ctx, { ...a, ...patch });
};

/** The resident did not come (after the slot ended); counts toward the no-show rule. */
export const markNoShowHandler: Handler<typeof markNoShow> = async ({ ctx, input }) => {
  const a = await load(ctx, input.appointmentId);
  const code = noShowRefusal(a, ctx.now);
  if (code) refuse(code);
  const patch = { status: 'no_show' as const, noShowAt: ctx.now, markedByStaffId: ctx.caller.staffId ?? '' };
  await inTransaction(ctx.db, async (t) => {
    await stillBooked(t, a._id);
    await appointments.updateInTx(t, a._id, patch);
    await dropReminders(t, a, ctx.now);
  });
  return view(ctx, { ...a, ...patch });
};
