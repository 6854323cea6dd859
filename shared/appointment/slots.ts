import dayjs from 'dayjs';
import { addDays, type Day, ZONE } from '../time';
import type { TAppointmentConfig } from './config';
import { type HolidayCalendar, sessionWeekday } from './holidays';
import { clockMinutes, type SlotDef, type TSchedule } from './model';

/**
 * The instant a Shanghai wall time starts. Shanghai has had no daylight saving since 1991, so
 * this is always UTC+8: ('2026-11-26', '08:30') → 2026-11-26T00:30:00.000Z, whatever TZ the
 * machine runs in (tests pin TZ=UTC on purpose).
 */
export const shanghaiInstant = (day: Day, hhmm: string): Date => dayjs.tz(`${day} ${hhmm}:00`, ZONE).toDate();

const compact = (day: Day) => day.replaceAll('-', '');
const pad = (n: number) => String(n).padStart(2, '0');
const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The stable id of a slot: ('sch-cg-1', '2026-11-26', '08:30') → 'sch-cg-1-20261126-0830'. */
export const slotIdOf = (scheduleId: string, day: Day, hhmm: string): string =>
  `${scheduleId}-${compact(day)}-${hhmm.replace(':', '')}`;

/** True when an exception (leave or closure) of the schedule covers the day. */
const excepted = (s: TSchedule, day: Day): boolean => s.exceptions.some((e) => day >= e.from && day <= e.to);

/** Cuts start…end into whole slots: 08:00–09:10 by 30 → 08:00, 08:30 (09:00–09:30 would overrun). */
const cut = (start: string, end: string, slotMinutes: number): string[] => {
  const out: string[] = [];
  const last = clockMinutes(end) - slotMinutes;
  for (let m = clockMinutes(start); m <= last; m += slotMinutes) out.push(clockOf(m));
  return out;
};

/**
 * Every slot one schedule offers on one Shanghai day, in time order. Weekly sessions follow the
 * holiday calendar (none on 2026-10-01; Monday's on make-up Saturday 2026-10-10). An outreach day
 * replaces the doctor's clinic sessions that day (the doctor is in the village, not at the desk)
 * and, being chosen for that date, happens even on a holiday. A leave or closure exception removes
 * both. Days outside from…to have nothing.
 */
export const slotsOfDay = (
  s: TSchedule,
  day: Day,
  cal: HolidayCalendar,
  cfg: Pick<TAppointmentConfig, 'makeUpWeekday'>,
): SlotDef[] => {
  if (day < s.from || day > s.to || excepted(s, day)) return [];
  const outreach = s.outreach.filter((o) => o.day === day).map((o) => ({ ...o, kind: 'outreach' as const }));
  const weekday = outreach.length ? null : sessionWeekday(cal, day, cfg.makeUpWeekday);
  const clinic = (weekday === null ? [] : s.weekly.filter((w) => w.weekday === weekday)).map((w) => ({
    ...w,
    kind: 'clinic' as const,
    location: w.location || s.location,
  }));
  const sessions = [...clinic, ...outreach];
  const byId = new Map<string, SlotDef>();
  for (const session of sessions) {
    for (const time of cut(session.start, session.end, session.slotMinutes)) {
      const slotId = slotIdOf(s._id, day, time);
      // Two sessions starting a slot at the same minute would sell one slot twice: first wins
      // (setSchedule refuses overlapping sessions, so this only guards hand-written data).
      if (byId.has(slotId)) continue;
      const start = shanghaiInstant(day, time);
      byId.set(slotId, {
        slotId,
        scheduleId: s._id,
        teamId: s.teamId,
        ...(s.doctorId ? { doctorId: s.doctorId } : {}),
        ...(s.doctorName ? { doctorName: s.doctorName } : {}),
        day,
        time,
        start,
        end: new Date(start.getTime() + session.slotMinutes * 60_000),
        capacity: session.capacity,
        location: session.location,
        kind: session.kind,
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
};

/** Every slot of the schedules on the days from…to (inclusive), in time order. */
export const slotsBetween = (
  schedules: readonly TSchedule[],
  from: Day,
  to: Day,
  cal: HolidayCalendar,
  cfg: Pick<TAppointmentConfig, 'makeUpWeekday'>,
): SlotDef[] => {
  const out: SlotDef[] = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    for (const s of schedules) out.push(...slotsOfDay(s, day, cal, cfg));
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.slotId.localeCompare(b.slotId));
};

/** Parses a slot id back to its parts, or null: 'sch-1-20261126-0830' → sch-1, 2026-11-26, 08:30. */
export const parseSlotId = (slotId: string): { scheduleId: string; day: Day; time: string } | null => {
  const m = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(slotId);
  if (!m) return null;
  return { scheduleId: m[1] as string, day: `${m[2]}-${m[3]}-${m[4]}`, time: `${m[5]}:${m[6]}` };
};

/** The slot a stored id names, if the schedule (still) offers it on that day; else null. */
export const findSlot = (
  schedules: readonly TSchedule[],
  slotId: string,
  cal: HolidayCalendar,
  cfg: Pick<TAppointmentConfig, 'makeUpWeekday'>,
): SlotDef | null => {
  const parts = parseSlotId(slotId);
  if (!parts) return null;
  const s = schedules.find((x) => x._id === parts.scheduleId);
  if (!s) return null;
  return slotsOfDay(s, parts.day, cal, cfg).find((x) => x.slotId === slotId) ?? null;
};
