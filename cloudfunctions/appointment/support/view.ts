import type { TAppointmentView, THomeVisitView } from '@shared/api/appointment';
import type { AppointmentDoc, HomeVisitDoc } from '@shared/db/schemas/appointments';

const iso = (d: Date | string) => new Date(d).toISOString();
const clock = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(11, 16); // Shanghai is UTC+8, no DST

/** A booking as the contract shows it. */
export const appointmentView = (
  a: AppointmentDoc,
  residentName: string,
  doctorName?: string,
): TAppointmentView => ({
  appointmentId: a._id,
  slotId: a.slotId,
  residentId: a.residentId,
  residentName,
  ...(a.doctorId ? { doctorId: a.doctorId } : {}),
  ...(doctorName ? { doctorName } : {}),
  teamId: a.teamId,
  day: a.day,
  time: clock(a.start),
  start: iso(a.start),
  end: iso(a.end),
  location: a.location,
  kind: a.kind,
  status: a.status,
  ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
});

/** A home-visit request as the contract shows it. */
export const homeVisitView = (h: HomeVisitDoc, residentName: string): THomeVisitView => ({
  homeVisitId: h._id,
  residentId: h.residentId,
  residentName,
  teamId: h.teamId,
  need: h.need,
  preferredDay: h.preferredDay,
  address: h.address,
  reason: h.reason,
  ...(h.visitAt ? { visitAt: iso(h.visitAt) } : {}),
  status: h.status,
  ...(h.declineReason ? { declineReason: h.declineReason } : {}),
});
