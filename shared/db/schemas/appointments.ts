import { z } from '../../api/zod';
import {
  APPOINTMENT_STATUSES,
  type Appointment,
  HOME_VISIT_NEEDS,
  HOME_VISIT_STATUSES,
  type HomeVisit,
  SLOT_KINDS,
} from '../../appointment/model';

/**
 * The `appointments` collection holds slot bookings (`type: 'slot'`) and home-visit requests
 * (`type: 'home_visit'`): both are a team's appointments with a resident. "One live booking per
 * (slot, resident)" is held by `locks/book_<slotId>_<residentId>` inside the booking transaction.
 */
export const ZSlotAppointmentDoc = z.object({
  _id: z.string(),
  type: z.literal('slot'),
  slotId: z.string(),
  scheduleId: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  doctorId: z.string().optional(),
  day: z.string(),
  start: z.date(),
  end: z.date(),
  kind: z.enum(SLOT_KINDS),
  location: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  signed: z.boolean(),
  bookedAt: z.date(),
  bookedByUserId: z.string(),
  note: z.string().optional(),
  cancelledAt: z.date().optional(),
  cancelReason: z.string().optional(),
  cancelledBy: z.enum(['resident', 'staff']).optional(),
  attendedAt: z.date().optional(),
  noShowAt: z.date().optional(),
  markedByStaffId: z.string().optional(),
  rescheduledFrom: z.string().optional(),
  rescheduledTo: z.string().optional(),
});
export type AppointmentDoc = Appointment & { type: 'slot'; rescheduledTo?: string };

export const ZHomeVisitDoc = z.object({
  _id: z.string(),
  type: z.literal('home_visit'),
  residentId: z.string(),
  teamId: z.string(),
  need: z.enum(HOME_VISIT_NEEDS),
  preferredDay: z.string(),
  address: z.string(),
  reason: z.string(),
  status: z.enum(HOME_VISIT_STATUSES),
  requestedAt: z.date(),
  requestedByUserId: z.string(),
  visitAt: z.date().optional(),
  visitDay: z.string().optional(),
  acceptedAt: z.date().optional(),
  acceptedByStaffId: z.string().optional(),
  declinedAt: z.date().optional(),
  declineReason: z.string().optional(),
  declinedByStaffId: z.string().optional(),
});
export type HomeVisitDoc = HomeVisit & { type: 'home_visit'; visitDay?: string };

/** Either kind, as a read of the collection returns it. */
export const ZAppointmentsDoc = z.discriminatedUnion('type', [ZSlotAppointmentDoc, ZHomeVisitDoc]);
export type AppointmentsDoc = AppointmentDoc | HomeVisitDoc;
