import { zDay, zId, zReason } from '../api/fields';
import { z } from '../api/zod';
import { APPOINTMENT_MESSAGES as M, VALIDATION_MESSAGES as V } from '../constants/messages';

/** A Shanghai wall-clock time `HH:mm`. */
export const zClock = z.string({ error: M.clock }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: M.clock });

/** Minutes since Shanghai midnight: '08:30' → 510. */
export const clockMinutes = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const zSlotMinutes = z.number({ error: M.slotMinutes }).int().min(5, { error: M.slotMinutes }).max(240, {
  error: M.slotMinutes,
});
const zSeats = z.number({ error: M.seats }).int().min(1, { error: M.seats }).max(100, { error: M.seats });
const zLocation = z.string({ error: M.location }).trim().max(40, { error: M.location });

/** A weekly clinic session: every `weekday` (ISO, Monday = 1) from start to end, cut into slots. */
export const ZWeeklySession = z
  .object({
    weekday: z
      .number({ error: M.weekday })
      .int({ error: M.weekday })
      .min(1, { error: M.weekday })
      .max(7, { error: M.weekday }),
    start: zClock,
    end: zClock,
    /** Seats per slot (patients seen per slot). */
    capacity: zSeats,
    slotMinutes: zSlotMinutes.default(30),
    location: zLocation.optional(),
  })
  .refine((s) => s.end > s.start, { error: V.endBeforeStart, path: ['end'] });
export type TWeeklySession = z.output<typeof ZWeeklySession>;

/** An outreach day (义诊/家庭医生工作日) in a village: a dated, bookable session (POLICY 1–2 a month). */
export const ZOutreachDay = z
  .object({
    day: zDay,
    start: zClock,
    end: zClock,
    capacity: zSeats,
    slotMinutes: zSlotMinutes.default(30),
    location: zLocation.min(2, { error: M.location }),
  })
  .refine((s) => s.end > s.start, { error: V.endBeforeStart, path: ['end'] });
export type TOutreachDay = z.output<typeof ZOutreachDay>;

export const EXCEPTION_KINDS = ['leave', 'closure'] as const;
/** Days without sessions: a doctor's leave (请假) or the clinic closed (停诊); inclusive days. */
export const ZScheduleException = z
  .object({ from: zDay, to: zDay, kind: z.enum(EXCEPTION_KINDS), note: zReason.optional() })
  .refine((e) => e.to >= e.from, { error: V.endBeforeStart, path: ['to'] });
export type TScheduleException = z.output<typeof ZScheduleException>;

/**
 * A doctor's schedule (or a team's, without doctorId) valid from → to (Shanghai days, inclusive):
 * weekly sessions, dated outreach days, and exceptions. Stored one document per doctor.
 */
export const ZSchedule = z.object({
  _id: zId,
  teamId: zId,
  doctorId: zId.optional(),
  doctorName: z.string().max(30).optional(),
  from: zDay,
  to: zDay,
  location: zLocation.default(''),
  weekly: z.array(ZWeeklySession).max(21),
  outreach: z.array(ZOutreachDay).max(24).default([]),
  exceptions: z.array(ZScheduleException).max(50).default([]),
});
export type TSchedule = z.output<typeof ZSchedule>;

export const SLOT_KINDS = ['clinic', 'outreach'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** One bookable slot generated from a schedule; `slotId` is stable: `<scheduleId>-<yyyymmdd>-<hhmm>`. */
export type SlotDef = {
  slotId: string;
  scheduleId: string;
  teamId: string;
  doctorId?: string;
  doctorName?: string;
  day: string;
  /** Shanghai wall time of the start, `HH:mm`. */
  time: string;
  start: Date;
  end: Date;
  capacity: number;
  location: string;
  kind: SlotKind;
};

/** Seats taken in one slot: all live bookings, and those by residents not signed to the team. */
export type SlotLoad = { slotId: string; booked: number; unsignedBooked: number };

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A stored appointment (instants as Dates, UTC); `day` is its Shanghai day. */
export type Appointment = {
  _id: string;
  slotId: string;
  scheduleId: string;
  residentId: string;
  teamId: string;
  doctorId?: string;
  day: string;
  start: Date;
  end: Date;
  kind: SlotKind;
  location: string;
  status: AppointmentStatus;
  /** Booked while signed to the team (held a reserved seat or could). */
  signed: boolean;
  bookedAt: Date;
  bookedByUserId: string;
  note?: string;
  cancelledAt?: Date;
  cancelReason?: string;
  cancelledBy?: 'resident' | 'staff';
  attendedAt?: Date;
  noShowAt?: Date;
  markedByStaffId?: string;
  rescheduledFrom?: string;
};

export const HOME_VISIT_NEEDS = ['elderly', 'disabled', 'bedridden'] as const;
export type HomeVisitNeed = (typeof HOME_VISIT_NEEDS)[number];
export const HOME_VISIT_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number];

/** A home-visit request (上门服务). */
export type HomeVisit = {
  _id: string;
  residentId: string;
  teamId: string;
  need: HomeVisitNeed;
  preferredDay: string;
  address: string;
  reason: string;
  status: HomeVisitStatus;
  requestedAt: Date;
  requestedByUserId: string;
  visitAt?: Date;
  acceptedAt?: Date;
  acceptedByStaffId?: string;
  declinedAt?: Date;
  declineReason?: string;
  declinedByStaffId?: string;
};
