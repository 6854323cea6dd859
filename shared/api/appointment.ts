import { HOME_VISIT_NEEDS, ZOutreachDay, ZScheduleException, ZWeeklySession } from '../appointment/model';
import { APPOINTMENT_MESSAGES as M, VALIDATION_MESSAGES as V } from '../constants/messages';
import { diffDays, isValidDay } from '../time/zone';
import { defineAction } from './define';
import { zDay, zId, zInstant, zReason } from './fields';
import { z } from './zod';

const zClock = z.string({ error: M.clock }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: M.clock });
const zRange = <T extends { from: string; to: string }>(o: T) =>
  isValidDay(o.from) && isValidDay(o.to) && diffDays(o.from, o.to) >= 0 && diffDays(o.from, o.to) <= 31;
const TEAM = { doctor: 'team', institution_admin: 'institution' } as const;

export const APPOINTMENT_VIEW_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export const HOME_VISIT_VIEW_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;

/** A slot as one viewer sees it (seats left already account for held seats and the priority window). */
export const ZSlotView = z.object({
  slotId: zId,
  doctorId: zId.optional(),
  doctorName: z.string().optional(),
  day: zDay,
  time: zClock,
  start: zInstant,
  end: zInstant,
  capacity: z.number().int().min(1),
  booked: z.number().int().min(0),
  seatsLeft: z.number().int().min(0),
  location: z.string(),
  kind: z.enum(['clinic', 'outreach']),
  /** Visible thanks to the signed residents' priority window. */
  priority: z.boolean(),
});
export type TSlotView = z.output<typeof ZSlotView>;

export const ZAppointmentView = z.object({
  appointmentId: zId,
  slotId: zId,
  residentId: zId,
  residentName: z.string(),
  doctorId: zId.optional(),
  doctorName: z.string().optional(),
  teamId: zId,
  day: zDay,
  time: zClock,
  start: zInstant,
  end: zInstant,
  location: z.string(),
  kind: z.enum(['clinic', 'outreach']),
  status: z.enum(APPOINTMENT_VIEW_STATUSES),
  cancelReason: z.string().optional(),
});
export type TAppointmentView = z.output<typeof ZAppointmentView>;

export const ZHomeVisitView = z.object({
  homeVisitId: zId,
  residentId: zId,
  residentName: z.string(),
  teamId: zId,
  need: z.enum(HOME_VISIT_NEEDS),
  preferredDay: zDay,
  /** Shown to the resident and the team only (masked nowhere else). */
  address: z.string(),
  reason: z.string(),
  visitAt: zInstant.optional(),
  status: z.enum(HOME_VISIT_VIEW_STATUSES),
  declineReason: z.string().optional(),
});
export type THomeVisitView = z.output<typeof ZHomeVisitView>;

export const ZAppointmentList = z.object({
  appointments: z.array(ZAppointmentView),
  homeVisits: z.array(ZHomeVisitView),
});

export const ZAvailabilityInput = z
  .object({ teamId: zId, doctorId: zId.optional(), from: zDay, to: zDay, residentId: zId.optional() })
  .refine(zRange, { error: M.range, path: ['to'] });
export type TAvailabilityInput = z.output<typeof ZAvailabilityInput>;
/** Open slots; a resident's (or the given family member's) active contract with the team adds priority. */
export const availability = defineAction({
  fn: 'appointment',
  action: 'availability',
  summary: 'Open slots of a team (Shanghai days, ≤ 31 days)',
  input: ZAvailabilityInput,
  output: z.object({ slots: z.array(ZSlotView), signed: z.boolean() }),
  errors: ['TEAM_NOT_FOUND'],
  access: { resident: 'public', grid_worker: 'public', ...TEAM },
});

export const ZBookInput = z.object({
  slotId: zId,
  residentId: zId,
  note: z.string().trim().max(200).optional(),
  /** The client's subscribe-message request for the reminder template was accepted. */
  subscribed: z.boolean().default(false),
});
export type TBookInput = z.output<typeof ZBookInput>;
export const book = defineAction({
  fn: 'appointment',
  action: 'book',
  summary: 'Book a slot for self or a family member',
  input: ZBookInput,
  output: ZAppointmentView,
  errors: [
    'SLOT_NOT_FOUND',
    'SLOT_FULL',
    'SLOT_IN_PAST',
    'SLOT_TOO_SOON',
    'SLOT_NOT_OPEN',
    'ALREADY_BOOKED',
    'BOOKING_RESTRICTED',
    'RATE_LIMITED',
  ],
  access: { resident: 'family' },
});

export const ZCancelInput = z.object({ appointmentId: zId, reason: zReason });
export type TCancelInput = z.output<typeof ZCancelInput>;
/** A cancellation always carries a reason (Simple.org). */
export const cancel = defineAction({
  fn: 'appointment',
  action: 'cancel',
  summary: 'Cancel a booking with a reason',
  input: ZCancelInput,
  output: ZAppointmentView,
  errors: ['APPOINTMENT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'TOO_LATE_TO_CHANGE', 'REASON_REQUIRED'],
  access: { resident: 'family', doctor: 'team' },
});

export const ZRescheduleInput = z.object({ appointmentId: zId, slotId: zId });
export type TRescheduleInput = z.output<typeof ZRescheduleInput>;
export const reschedule = defineAction({
  fn: 'appointment',
  action: 'reschedule',
  summary: 'Move a booking to another slot of the same team',
  input: ZRescheduleInput,
  output: ZAppointmentView,
  errors: [
    'APPOINTMENT_NOT_FOUND',
    'ILLEGAL_TRANSITION',
    'SLOT_NOT_FOUND',
    'SLOT_FULL',
    'SLOT_IN_PAST',
    'SLOT_TOO_SOON',
    'SLOT_NOT_OPEN',
    'ALREADY_BOOKED',
    'TOO_LATE_TO_CHANGE',
  ],
  access: { resident: 'family' },
});

export const ZMyAppointmentsInput = z.object({ from: zDay.optional(), to: zDay.optional() });
export type TMyAppointmentsInput = z.output<typeof ZMyAppointmentsInput>;
export const mine = defineAction({
  fn: 'appointment',
  action: 'mine',
  summary: 'Bookings and home visits of the caller and family',
  input: ZMyAppointmentsInput,
  output: ZAppointmentList,
  errors: [],
  access: { resident: 'family' },
});

export const ZAgendaInput = z.object({
  day: zDay,
  teamId: zId,
  doctorId: zId.optional(),
  /** One day, or the 7 days from `day`. */
  span: z.enum(['day', 'week']).default('day'),
});
export type TAgendaInput = z.output<typeof ZAgendaInput>;
export const agenda = defineAction({
  fn: 'appointment',
  action: 'agenda',
  summary: 'A team agenda (day or week): bookings and home visits',
  input: ZAgendaInput,
  output: ZAppointmentList,
  errors: [],
  access: TEAM,
});

export const ZMarkAttendedInput = z.object({
  appointmentId: zId,
  note: z.string().trim().max(500).optional(),
});
export type TMarkAttendedInput = z.output<typeof ZMarkAttendedInput>;
export const markAttended = defineAction({
  fn: 'appointment',
  action: 'markAttended',
  summary: 'Record that the resident came (records a contact)',
  input: ZMarkAttendedInput,
  output: ZAppointmentView,
  errors: ['APPOINTMENT_NOT_FOUND', 'ILLEGAL_TRANSITION'],
  access: { doctor: 'team' },
});

export const ZMarkNoShowInput = z.object({ appointmentId: zId });
export type TMarkNoShowInput = z.output<typeof ZMarkNoShowInput>;
export const markNoShow = defineAction({
  fn: 'appointment',
  action: 'markNoShow',
  summary: 'Record that the resident did not come',
  input: ZMarkNoShowInput,
  output: ZAppointmentView,
  errors: ['APPOINTMENT_NOT_FOUND', 'ILLEGAL_TRANSITION'],
  access: { doctor: 'team' },
});

export { ZWeeklySession };
export const ZSetScheduleInput = z
  .object({
    /** Staff id of the doctor whose sessions these are. */
    doctorId: zId,
    teamId: zId,
    from: zDay,
    to: zDay,
    location: z.string().trim().max(40).default(''),
    weekly: z.array(ZWeeklySession).min(1).max(21),
    outreach: z.array(ZOutreachDay).max(24).default([]),
    exceptions: z.array(ZScheduleException).max(50).default([]),
  })
  .refine((i) => i.to >= i.from, { error: V.endBeforeStart, path: ['to'] })
  .refine((i) => !isValidDay(i.from) || !isValidDay(i.to) || diffDays(i.from, i.to) <= 400, {
    error: M.validity,
    path: ['to'],
  });
export type TSetScheduleInput = z.output<typeof ZSetScheduleInput>;
export const setSchedule = defineAction({
  fn: 'appointment',
  action: 'setSchedule',
  summary: 'A doctor’s weekly sessions, outreach days and leave (Shanghai times)',
  input: ZSetScheduleInput,
  output: z.object({ scheduleId: zId, slotsCreated: z.number().int().min(0) }),
  errors: ['SCHEDULE_OVERLAP', 'TEAM_NOT_FOUND', 'NOT_FOUND'],
  access: TEAM,
});

export const ZSchedulesInput = z.object({ teamId: zId });
/** The team's schedules, for the editor. */
export const schedules = defineAction({
  fn: 'appointment',
  action: 'schedules',
  summary: 'Schedules of a team and its doctors',
  input: ZSchedulesInput,
  output: z.object({
    doctors: z.array(z.object({ staffId: zId, name: z.string() })),
    schedules: z.array(
      z.object({
        scheduleId: zId,
        doctorId: zId.optional(),
        doctorName: z.string().optional(),
        from: zDay,
        to: zDay,
        location: z.string(),
        weekly: z.array(ZWeeklySession),
        outreach: z.array(ZOutreachDay),
        exceptions: z.array(ZScheduleException),
      }),
    ),
  }),
  errors: ['TEAM_NOT_FOUND'],
  access: TEAM,
});

export const ZRequestHomeVisitInput = z.object({
  residentId: zId,
  need: z.enum(HOME_VISIT_NEEDS),
  preferredDay: zDay,
  address: z.string({ error: M.address }).trim().min(5, { error: M.address }).max(100, { error: M.address }),
  reason: zReason,
  /** The client's id for one tap of 提交申请: a retry with the same id answers the same request. */
  requestId: zId.optional(),
});
export type TRequestHomeVisitInput = z.output<typeof ZRequestHomeVisitInput>;
export const requestHomeVisit = defineAction({
  fn: 'appointment',
  action: 'requestHomeVisit',
  summary: 'Ask the team for a home visit (bedridden, disabled, elderly)',
  input: ZRequestHomeVisitInput,
  output: ZHomeVisitView,
  errors: ['NOT_SIGNED', 'START_IN_PAST', 'HOME_VISIT_NOT_ELIGIBLE'],
  access: { resident: 'family', grid_worker: 'grid' },
});

export const ZAcceptHomeVisitInput = z.object({
  homeVisitId: zId,
  visitDay: zDay,
  time: z.string({ error: M.time }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: M.time }),
});
export type TAcceptHomeVisitInput = z.output<typeof ZAcceptHomeVisitInput>;
export const acceptHomeVisit = defineAction({
  fn: 'appointment',
  action: 'acceptHomeVisit',
  summary: 'Accept a home-visit request at a day and time',
  input: ZAcceptHomeVisitInput,
  output: ZHomeVisitView,
  errors: ['HOME_VISIT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'START_IN_PAST'],
  access: { doctor: 'team' },
});

export const ZDeclineHomeVisitInput = z.object({ homeVisitId: zId, reason: zReason });
export type TDeclineHomeVisitInput = z.output<typeof ZDeclineHomeVisitInput>;
export const declineHomeVisit = defineAction({
  fn: 'appointment',
  action: 'declineHomeVisit',
  summary: 'Decline a home-visit request with a reason',
  input: ZDeclineHomeVisitInput,
  output: ZHomeVisitView,
  errors: ['HOME_VISIT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'REASON_REQUIRED'],
  access: { doctor: 'team' },
});

/** Every `appointment` action. */
export const APPOINTMENT_ACTIONS = [
  availability,
  book,
  cancel,
  reschedule,
  mine,
  agenda,
  markAttended,
  markNoShow,
  setSchedule,
  schedules,
  requestHomeVisit,
  acceptHomeVisit,
  declineHomeVisit,
];
