import type { setSchedule } from '@shared/api/appointment';
import {
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  clockMinutes,
  slotsBetween,
  type TSchedule,
  type TWeeklySession,
} from '@shared/appointment';
import * as schedules from '../_data/schedules.repo';
import * as teams from '../_data/teams.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';

/** Two sessions of one weekday overlap: Mon 08:00–11:00 and Mon 10:30–12:00 → true. */
const sessionsOverlap = (list: readonly { weekday?: number; day?: string; start: string; end: string }[]) =>
  list.some((a, i) =>
    list.some(
      (b, j) =>
        j > i &&
        (a.weekday ?? a.day) === (b.weekday ?? b.day) &&
        clockMinutes(a.start) < clockMinutes(b.end) &&
        clockMinutes(b.start) < clockMinutes(a.end),
    ),
  );

/**
 * Saves a doctor's schedule (weekly sessions, outreach days, leave) as one document. Slots are
 * not stored: they are generated from it, so changing a session moves future availability at
 * once; existing bookings keep their own times. Answers how many slots the validity period holds.
 */
export const setScheduleHandler: Handler<typeof setSchedule> = async ({ ctx, input }) => {
  const team = (await teams.summary(ctx.db, input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId: team._id, institutionId: team.institutionId, districtId: team.districtId });
  const doctor = team.members.find((m) => m.staffId === input.doctorId) ?? refuse('NOT_FOUND');
  if (sessionsOverlap(input.weekly as TWeeklySession[]) || sessionsOverlap(input.outreach))
    refuse('SCHEDULE_OVERLAP');
  const schedule: TSchedule = {
    _id: `sch-${doctor.staffId}`,
    teamId: team._id,
    doctorId: doctor.staffId,
    doctorName: doctor.name,
    from: input.from,
    to: input.to,
    location: input.location,
    weekly: input.weekly,
    outreach: input.outreach,
    exceptions: input.exceptions,
  };
  await schedules.save(ctx.db, schedule, team.institutionId, ctx.now);
  return {
    scheduleId: schedule._id,
    slotsCreated: slotsBetween([schedule], input.from, input.to, CAL, CFG).length,
  };
};
