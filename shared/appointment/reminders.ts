import { addDays, shanghaiDay } from '../time';
import type { TAppointmentConfig } from './config';
import { shanghaiInstant } from './slots';

export const REMINDER_KINDS = ['eve', 'before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder to queue in the outbox: sent by the scheduler at or after `sendAt`. */
export type ReminderPlan = { kind: ReminderKind; sendAt: Date; dedupeKey: string };

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:T]/g, '');

/**
 * Reminders for a booking: at 20:00 Shanghai the evening before, and 2 hours before the start.
 * Any whose time has already passed at booking is skipped. The dedupe key names the appointment,
 * the kind and the start, so a retried booking queues nothing twice while a rescheduled one gets
 * fresh keys. Worked example: booked 2026-11-25 10:00 for 2026-11-27 09:00 (01:00Z) →
 * eve 2026-11-26T12:00Z, before 2026-11-27T01:00Z − 2 h = 2026-11-26T23:00Z. Booked 2026-11-26
 * 21:00 for the same slot → only the 2-hour reminder.
 */
export const planReminders = (
  appt: { _id: string; start: Date },
  now: Date,
  cfg: Pick<TAppointmentConfig, 'reminderEveningAt' | 'reminderHoursBefore'>,
): ReminderPlan[] => {
  const eve = shanghaiInstant(addDays(shanghaiDay(appt.start), -1), cfg.reminderEveningAt);
  const before = new Date(appt.start.getTime() - cfg.reminderHoursBefore * 3_600_000);
  return (
    [
      { kind: 'eve', sendAt: eve },
      { kind: 'before', sendAt: before },
    ] as const
  )
    .filter((r) => r.sendAt.getTime() > now.getTime() && r.sendAt.getTime() < appt.start.getTime())
    .map((r) => ({ ...r, dedupeKey: `apptrem_${appt._id}_${stamp(appt.start)}_${r.kind}` }));
};
