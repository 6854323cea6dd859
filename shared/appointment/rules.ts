import type { ErrorCode } from '../constants/errors';
import { addDays, ageOn, type Day, shanghaiDay } from '../time';
import { lastBookableDay, seatsLeftFor, type Viewer } from './availability';
import type { TAppointmentConfig } from './config';
import type { Appointment, HomeVisitNeed, SlotDef, SlotLoad } from './model';

/**
 * Booking rules as small named predicates (Simple.org style). Each answers the refusal code or
 * null; `firstRefusal` runs them in order, so the resident hears the most basic problem first.
 */
export type Rule = () => ErrorCode | null;

/** The first refusal of a list of rules, or null when every rule passes. */
export const firstRefusal = (rules: readonly Rule[]): ErrorCode | null => {
  for (const r of rules) {
    const code = r();
    if (code) return code;
  }
  return null;
};

/** A slot that has started can no longer be booked: 09:00 slot at 09:00 → SLOT_IN_PAST. */
export const isPast = (slot: Pick<SlotDef, 'start'>, now: Date): boolean =>
  now.getTime() >= slot.start.getTime();

/** Too close to the start: with 60 min notice a 09:00 slot is bookable until 08:00, not 08:01. */
export const isTooSoon = (
  slot: Pick<SlotDef, 'start'>,
  now: Date,
  cfg: Pick<TAppointmentConfig, 'minNoticeMinutes'>,
) => slot.start.getTime() - now.getTime() < cfg.minNoticeMinutes * 60_000;

/** Beyond the viewer's horizon (see lastBookableDay). */
export const isBeyondHorizon = (
  slot: Pick<SlotDef, 'day'>,
  now: Date,
  viewer: Viewer,
  cfg: Pick<TAppointmentConfig, 'horizonDays' | 'priorityDays'>,
): boolean => slot.day > lastBookableDay(now, viewer, cfg);

/** Two half-open intervals [a.start, a.end) and [b.start, b.end) overlap. */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/** The resident already holds a live booking overlapping the slot (08:30–09:00 vs 08:45–09:15). */
export const hasOverlappingBooking = (
  mine: readonly Pick<Appointment, 'start' | 'end' | 'status' | '_id'>[],
  slot: { start: Date; end: Date },
  ignoreId?: string,
): boolean => mine.some((a) => a.status === 'booked' && a._id !== ignoreId && overlaps(a, slot));

/**
 * The no-show rule: `count` no-shows inside any `windowDays` window stop self-booking for
 * `restrictDays` days from the last of them. Returns the first day booking is allowed again, or
 * null when not restricted. Defaults 3 / 90 / 30, worked example: no-shows on 2026-09-01,
 * 2026-10-10 and 2026-11-20 (the first and third 80 days apart, inside 90) → restricted
 * 2026-11-20 … 2026-12-19, free again on 2026-12-20. No-shows 2026-06-01, 2026-07-15 and
 * 2026-09-01 lie 92 days apart → not restricted.
 */
export const noShowRestrictedUntil = (
  noShowDays: readonly Day[],
  today: Day,
  cfg: Pick<TAppointmentConfig, 'noShow'>,
): Day | null => {
  const { count, windowDays, restrictDays } = cfg.noShow;
  const days = [...noShowDays].sort();
  let until: Day | null = null;
  for (let i = count - 1; i < days.length; i++) {
    const last = days[i] as Day;
    const first = days[i - count + 1] as Day;
    if (first >= addDays(last, -(windowDays - 1))) {
      const end = addDays(last, restrictDays);
      if (until === null || end > until) until = end;
    }
  }
  return until !== null && today < until ? until : null;
};

/**
 * Everything a resident's booking must pass, in order: the slot has not started, gives enough
 * notice, lies inside the viewer's horizon, has a seat for this viewer; the resident is not
 * restricted for no-shows and holds no overlapping booking.
 */
export const bookingRefusal = (p: {
  slot: SlotDef;
  load: SlotLoad;
  viewer: Viewer;
  now: Date;
  mine: readonly Pick<Appointment, 'start' | 'end' | 'status' | '_id'>[];
  noShowDays: readonly Day[];
  cfg: TAppointmentConfig;
  /** When rescheduling, the booking being moved does not count as an overlap. */
  replacing?: string;
}): ErrorCode | null =>
  firstRefusal([
    () => (isPast(p.slot, p.now) ? 'SLOT_IN_PAST' : null),
    () => (isTooSoon(p.slot, p.now, p.cfg) ? 'SLOT_TOO_SOON' : null),
    () => (isBeyondHorizon(p.slot, p.now, p.viewer, p.cfg) ? 'SLOT_NOT_OPEN' : null),
    () => (noShowRestrictedUntil(p.noShowDays, shanghaiDay(p.now), p.cfg) ? 'BOOKING_RESTRICTED' : null),
    () => (hasOverlappingBooking(p.mine, p.slot, p.replacing) ? 'ALREADY_BOOKED' : null),
    () => (seatsLeftFor(p.slot, p.load, p.viewer, p.now, p.cfg) <= 0 ? 'SLOT_FULL' : null),
  ]);

/**
 * A resident may cancel or reschedule a live booking until the cut-off (60 min before by
 * default: a 09:00 booking until 08:00); staff may cancel any live booking that has not ended.
 */
export const changeRefusal = (
  a: Pick<Appointment, 'status' | 'start' | 'end'>,
  now: Date,
  by: 'resident' | 'staff',
  cfg: Pick<TAppointmentConfig, 'changeCutoffMinutes'>,
): ErrorCode | null => {
  if (a.status !== 'booked') return 'ILLEGAL_TRANSITION';
  if (by === 'staff') return now.getTime() >= a.end.getTime() ? 'TOO_LATE_TO_CHANGE' : null;
  return a.start.getTime() - now.getTime() < cfg.changeCutoffMinutes * 60_000 ? 'TOO_LATE_TO_CHANGE' : null;
};

/** Attendance is recorded from `attendEarlyMinutes` before the start (an 09:00 slot from 08:00). */
export const attendRefusal = (
  a: Pick<Appointment, 'status' | 'start'>,
  now: Date,
  cfg: Pick<TAppointmentConfig, 'attendEarlyMinutes'>,
): ErrorCode | null => {
  if (a.status !== 'booked') return 'ILLEGAL_TRANSITION';
  return now.getTime() < a.start.getTime() - cfg.attendEarlyMinutes * 60_000 ? 'ILLEGAL_TRANSITION' : null;
};

/** A no-show is recorded only once the slot has ended (a 09:00–09:30 slot from 09:30). */
export const noShowRefusal = (a: Pick<Appointment, 'status' | 'end'>, now: Date): ErrorCode | null => {
  if (a.status !== 'booked') return 'ILLEGAL_TRANSITION';
  return now.getTime() < a.end.getTime() ? 'ILLEGAL_TRANSITION' : null;
};

/**
 * Who may ask for a home visit: the elderly (age from the birth date on the day, ≥ 65 by
 * default), residents tagged disabled, and the bedridden (declared, with the reason). A resident
 * born 1961-11-26 is 64 on 2026-11-25 and 65 on 2026-11-26.
 */
export const homeVisitEligible = (
  need: HomeVisitNeed,
  person: { birthDate?: string; tags?: readonly string[] },
  today: Day,
  elderlyMinAge = 65,
): boolean => {
  if (need === 'elderly')
    return person.birthDate !== undefined && ageOn(person.birthDate, today) >= elderlyMinAge;
  if (need === 'disabled') return (person.tags ?? []).includes('disabled');
  return true;
};

/** A home visit is accepted for a time that has not passed, on a request still waiting. */
export const acceptHomeVisitRefusal = (status: string, visitAt: Date, now: Date): ErrorCode | null => {
  if (status !== 'requested') return 'ILLEGAL_TRANSITION';
  return visitAt.getTime() <= now.getTime() ? 'START_IN_PAST' : null;
};
