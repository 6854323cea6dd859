import { addDays, type Day, minDay, shanghaiDay } from '../time';
import { DEFAULT_APPOINTMENT_CONFIG, type TAppointmentConfig } from './config';
import { DEFAULT_HOLIDAY_CALENDAR, type HolidayCalendar } from './holidays';
import type { SlotDef, SlotLoad, TSchedule } from './model';
import { slotsBetween } from './slots';

/** Who is looking: a resident signed to the team (active contract) gets priority. */
export type Viewer = { signed: boolean };

/** A slot as one viewer sees it. */
export type AvailableSlot = SlotDef & {
  booked: number;
  /** Seats this viewer could still take. */
  seatsLeft: number;
  /** Seats still held for the team's signed residents (0 once released). */
  reservedLeft: number;
  /** Visible only thanks to the priority window (beyond the public horizon). */
  priority: boolean;
};

/** Seats held for signed residents in a slot: floor(capacity × share) — 10 seats × 0.3 → 3. */
export const reservedSeats = (capacity: number, cfg: Pick<TAppointmentConfig, 'reservedShare'>): number =>
  Math.floor(capacity * cfg.reservedShare + 1e-9);

/**
 * True once held seats are open to everyone: with a 24 h release, a slot at 2026-11-27 09:00
 * (Shanghai) releases at 2026-11-26 09:00 exactly.
 */
export const reserveReleased = (
  slot: Pick<SlotDef, 'start'>,
  now: Date,
  cfg: Pick<TAppointmentConfig, 'reserveReleaseHours'>,
): boolean => now.getTime() >= slot.start.getTime() - cfg.reserveReleaseHours * 3_600_000;

/**
 * Seats left for a viewer. Signed bookings fill the held seats first, so an unsigned resident may
 * take capacity − max(signedBooked, reserved) − unsignedBooked. Worked example, 10 seats, 3 held:
 * 2 signed + 6 unsigned booked → signed viewer sees 2, unsigned sees 10 − 3 − 6 = 1; after the
 * release both see 2.
 */
export const seatsLeftFor = (
  slot: Pick<SlotDef, 'capacity' | 'start'>,
  load: Pick<SlotLoad, 'booked' | 'unsignedBooked'>,
  viewer: Viewer,
  now: Date,
  cfg: Pick<TAppointmentConfig, 'reservedShare' | 'reserveReleaseHours'>,
): number => {
  const left = Math.max(0, slot.capacity - load.booked);
  if (viewer.signed || reserveReleased(slot, now, cfg)) return left;
  const signedBooked = load.booked - load.unsignedBooked;
  const reserved = reservedSeats(slot.capacity, cfg);
  return Math.max(0, Math.min(left, slot.capacity - Math.max(signedBooked, reserved) - load.unsignedBooked));
};

/**
 * The last Shanghai day a viewer may book: today + horizon, plus the priority days when signed.
 * On 2026-11-25 with 14 + 7: unsigned → 2026-12-09, signed → 2026-12-16.
 */
export const lastBookableDay = (
  now: Date,
  viewer: Viewer,
  cfg: Pick<TAppointmentConfig, 'horizonDays' | 'priorityDays'>,
): Day => addDays(shanghaiDay(now), cfg.horizonDays + (viewer.signed ? cfg.priorityDays : 0));

/** The earliest start a booking may have: now + minimum notice (10:00 with 60 min → 11:00 is fine). */
export const earliestStart = (now: Date, cfg: Pick<TAppointmentConfig, 'minNoticeMinutes'>): Date =>
  new Date(now.getTime() + cfg.minNoticeMinutes * 60_000);

export type AvailabilityInput = {
  schedules: readonly TSchedule[];
  /** Seats already taken, per slot id (slots without an entry are empty). */
  loads: readonly SlotLoad[];
  from: Day;
  to: Day;
  now: Date;
  viewer: Viewer;
  calendar?: HolidayCalendar;
  config?: TAppointmentConfig;
};

/**
 * The slots a viewer may book between two Shanghai days, with seats left (0 = full, still listed
 * so the page can show 约满). A slot is listed when it starts at least the minimum notice after
 * `now` and its day is inside the viewer's horizon; holidays, make-up days, leave and closures
 * come from the schedules and calendar (see slotsOfDay). Pure: the same inputs give the same slots.
 */
export const availability = (input: AvailabilityInput): AvailableSlot[] => {
  const cfg = input.config ?? DEFAULT_APPOINTMENT_CONFIG;
  const cal = input.calendar ?? DEFAULT_HOLIDAY_CALENDAR;
  const loads = new Map(input.loads.map((l) => [l.slotId, l]));
  const publicLast = lastBookableDay(input.now, { signed: false }, cfg);
  const last = lastBookableDay(input.now, input.viewer, cfg);
  const to = minDay(input.to, last);
  if (to < input.from) return [];
  const earliest = earliestStart(input.now, cfg).getTime();
  return slotsBetween(input.schedules, input.from, to, cal, cfg)
    .filter((s) => s.start.getTime() >= earliest)
    .map((s) => {
      const load = loads.get(s.slotId) ?? { slotId: s.slotId, booked: 0, unsignedBooked: 0 };
      const released = reserveReleased(s, input.now, cfg);
      const reserved = released ? 0 : reservedSeats(s.capacity, cfg);
      return {
        ...s,
        booked: load.booked,
        seatsLeft: seatsLeftFor(s, load, input.viewer, input.now, cfg),
        reservedLeft: Math.max(0, reserved - (load.booked - load.unsignedBooked)),
        priority: s.day > publicLast,
      };
    });
};
