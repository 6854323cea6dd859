import { z } from '../api/zod';

/**
 * Booking parameters. POLICY.md says only that signed residents get "priority by appointment"; the
 * numbers below are local defaults a district may change (documented in docs/appointment.md).
 */
export const ZAppointmentConfig = z.object({
  /** A slot must start at least this long after `now` to be booked (the desk needs notice). */
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Everyone may book slots on days up to today + horizonDays (Shanghai days). */
  horizonDays: z.number().int().min(1).max(90).default(14),
  /** Signed residents of the team see this many days further ahead (the priority window). */
  priorityDays: z.number().int().min(0).max(60).default(7),
  /** Share of each slot's seats held for the team's signed residents (floor of capacity × share). */
  reservedShare: z.number().min(0).max(1).default(0.3),
  /** Held seats are released to everyone this many hours before the slot starts. */
  reserveReleaseHours: z
    .number()
    .int()
    .min(0)
    .max(7 * 24)
    .default(24),
  /** A resident may cancel or reschedule until this many minutes before the start. */
  changeCutoffMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
  /** Attendance can be recorded from this many minutes before the start (early arrivals). */
  attendEarlyMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
  /** No-show rule: `count` no-shows inside `windowDays` → `restrictDays` without self-booking. */
  noShow: z
    .object({
      count: z.number().int().min(1).max(20).default(3),
      windowDays: z.number().int().min(1).max(365).default(90),
      restrictDays: z.number().int().min(1).max(365).default(30),
    })
    .default({ count: 3, windowDays: 90, restrictDays: 30 }),
  /** Reminders: the evening before at this Shanghai time, and this many hours before the start. */
  reminderEveningAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('20:00'),
  reminderHoursBefore: z.number().int().min(1).max(24).default(2),
  /** On a make-up workday (调休, a Saturday or Sunday worked), clinics run this weekday's sessions. */
  makeUpWeekday: z.number().int().min(1).max(5).default(1),
});
export type TAppointmentConfig = z.output<typeof ZAppointmentConfig>;

/**
 * Notice 60 min, horizon 14 days (+7 for signed residents), 30 % of seats held for signed
 * residents until 24 h before the start, changes until 60 min before, 3 no-shows in 90 days →
 * 30 days without self-booking, reminders at 20:00 the evening before and 2 h before.
 */
export const DEFAULT_APPOINTMENT_CONFIG: TAppointmentConfig = ZAppointmentConfig.parse({});
