import { APPOINTMENT_MESSAGES as M, VALIDATION_MESSAGES as V } from '../constants/messages';
import { diffDays, isValidDay } from '../time/zone';
import { defineAction } from './define';
import { zDay, zId, zReason } from './fields';
import { ZAppointmentList, ZAppointmentView, ZHomeVisitView, ZSlotView } from './views';
import { z } from './zod';

const zClock = z.string({ error: M.clock }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: M.clock });
const zRange = <T extends { from: string; to: string }>(o: T) =>
  isValidDay(o.from) && isValidDay(o.to) && diffDays(o.from, o.to) >= 0 && diffDays(o.from, o.to) <= 31;
const TEAM = { doctor: 'team', institution_admin: 'institution' } as const;

export const ZAvailabilityInput = z
  .object({ teamId: zId, doctorId: zId.optional(), from: zDay, to: zDay })
  .refine(zRange, { error: M.range, path: ['to'] });
export type TAvailabilityInput = z.output<typeof ZAvailabilityInput>;
export const availability = defineAction({
  fn: 'appointment',
  action: 'availability',
  summary: 'Open slots of a team (Shanghai days, ≤ 31 days)',
  input: ZAvailabilityInput,
  output: z.object({ slots: z.array(ZSlotView) }),
  errors: ['TEAM_NOT_FOUND'],
  access: { resident: 'public', grid_worker: 'public', ...TEAM },
});

export const ZBookInput = z.object({
  slotId: zId,
  residentId: zId,
  note: z.string().trim().max(200).optional(),
});
export type TBookInput = z.output<typeof ZBookInput>;
export const book = defineAction({
  fn: 'appointment',
  action: 'book',
  summary: 'Book a slot for self or a family member',
  input: ZBookInput,
  output: ZAppointmentView,
  errors: ['SLOT_NOT_FOUND', 'SLOT_FULL', 'SLOT_IN_PAST', 'ALREADY_BOOKED', 'NOT_SIGNED'],
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
  summary: 'Move a booking to another slot',
  input: ZRescheduleInput,
  output: ZAppointmentView,
  errors: [
    'APPOINTMENT_NOT_FOUND',
    'ILLEGAL_TRANSITION',
    'SLOT_NOT_FOUND',
    'SLOT_FULL',
    'SLOT_IN_PAST',
    'TOO_LATE_TO_CHANGE',
  ],
  access: { resident: 'family' },
});

export const ZMyAppointmentsInput = z.object({ from: zDay.optional(), to: zDay.optional() });
export type TMyAppointmentsInput = z.output<typeof ZMyAppointmentsInput>;
export const mine = defineAction({
  fn: 'appointment',
  action: 'mine',
  summary: 'Bookings of the caller and family',
  input: ZMyAppointmentsInput,
  output: ZAppointmentList,
  errors: [],
  access: { resident: 'family' },
});

export const ZAgendaInput = z.object({ day: zDay, doctorId: zId.optional(), teamId: zId });
export type TAgendaInput = z.output<typeof ZAgendaInput>;
export const agenda = defineAction({
  fn: 'appointment',
  action: 'agenda',
  summary: 'A team day agenda',
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
  summary: 'Record that the resident came',
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

export const ZWeeklySession = z
  .object({
    weekday: z
      .number({ error: M.weekday })
      .int({ error: M.weekday })
      .min(1, { error: M.weekday })
      .max(7, { error: M.weekday }),
    start: zClock,
    end: zClock,
    capacity: z.number().int().min(1).max(100),
  })
  .refine((s) => s.end > s.start, { error: V.endBeforeStart, path: ['end'] });
export const ZSetScheduleInput = z
  .object({
    doctorId: zId,
    teamId: zId,
    from: zDay,
    to: zDay,
    weekly: z.array(ZWeeklySession).min(1).max(21),
  })
  .refine((i) => i.to >= i.from, { error: V.endBeforeStart, path: ['to'] });
export type TSetScheduleInput = z.output<typeof ZSetScheduleInput>;
export const setSchedule = defineAction({
  fn: 'appointment',
  action: 'setSchedule',
  summary: 'Weekly sessions of a doctor → slots (Shanghai times)',
  input: ZSetScheduleInput,
  output: z.object({ slotsCreated: z.number().int().min(0) }),
  errors: ['SCHEDULE_OVERLAP', 'TEAM_NOT_FOUND'],
  access: { doctor: 'own', institution_admin: 'institution' },
});

export const ZRequestHomeVisitInput = z.object({
  residentId: zId,
  preferredDay: zDay,
  address: z.string({ error: M.address }).trim().min(5, { error: M.address }).max(100, { error: M.address }),
  reason: zReason,
});
export type TRequestHomeVisitInput = z.output<typeof ZRequestHomeVisitInput>;
export const requestHomeVisit = defineAction({
  fn: 'appointment',
  action: 'requestHomeVisit',
  summary: 'Ask the team for a home visit (bedridden, disabled, elderly)',
  input: ZRequestHomeVisitInput,
  output: ZHomeVisitView,
  errors: ['NOT_SIGNED', 'START_IN_PAST'],
  access: { resident: 'family', grid_worker: 'grid' },
});

export const ZAcceptHomeVisitInput = z.object({ homeVisitId: zId, visitDay: zDay });
export type TAcceptHomeVisitInput = z.output<typeof ZAcceptHomeVisitInput>;
export const acceptHomeVisit = defineAction({
  fn: 'appointment',
  action: 'acceptHomeVisit',
  summary: 'Accept a home-visit request and fix the day',
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
  requestHomeVisit,
  acceptHomeVisit,
  declineHomeVisit,
];
