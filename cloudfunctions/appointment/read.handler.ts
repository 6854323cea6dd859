import type { agenda, availability, mine, schedules } from '@shared/api/appointment';
import {
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  availability as computeAvailability,
} from '@shared/appointment';
import type { AppointmentDoc, HomeVisitDoc } from '@shared/db/schemas/appointments';
import { addDays, shanghaiDay } from '@shared/time';
import * as appointments from '../_data/appointments.repo';
import * as contracts from '../_data/contracts.repo';
import * as residents from '../_data/residents.repo';
import * as schedulesRepo from '../_data/schedules.repo';
import * as slotsRepo from '../_data/slots.repo';
import * as teamsRepo from '../_data/teams.repo';
import type { Database } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { appointmentView, homeVisitView } from './support/view';

/**
 * Open slots of a team: schedules and seat counters in two reads, the rest is the pure
 * `availability`. A resident asking for self or a family member gets the priority of that
 * person's active contract with the team; anyone else sees the public view.
 */
export const availabilityHandler: Handler<typeof availability> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const team = (await teamsRepo.summary(db, input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  // Residents and grid workers read the public view; staff scope comes from the stored team.
  ctx.authorize({ teamId: team._id, institutionId: team.institutionId, districtId: team.districtId });
  const who = input.residentId ?? caller.residentId;
  const reachable =
    caller.role === 'resident' &&
    who !== undefined &&
    (who === caller.residentId || (caller.familyResidentIds ?? []).includes(who));
  const [all, loads, signed] = await Promise.all([
    schedulesRepo.ofTeam(db, team._id),
    slotsRepo.loadsOfTeam(db, team._id, input.from, input.to),
    reachable ? contracts.isSignedTo(db, who, team._id, now) : Promise.resolve(false),
  ]);
  const scheds = input.doctorId ? all.filter((s) => s.doctorId === input.doctorId) : all;
  const slots = computeAvailability({
    schedules: scheds,
    loads,
    from: input.from,
    to: input.to,
    now,
    viewer: { signed },
    calendar: CAL,
    config: CFG,
  });
  return {
    signed,
    slots: slots.map((s) => ({
      slotId: s.slotId,
      ...(s.doctorId ? { doctorId: s.doctorId } : {}),
      ...(s.doctorName ? { doctorName: s.doctorName } : {}),
      day: s.day,
      time: s.time,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      capacity: s.capacity,
      booked: s.booked,
      seatsLeft: s.seatsLeft,
      location: s.location,
      kind: s.kind,
      priority: s.priority,
    })),
  };
};

async function lists(db: Database, docs: (AppointmentDoc | HomeVisitDoc)[]) {
  const names = await residents.namesOf(
    db,
    docs.map((d) => d.residentId),
  );
  const teams = new Map<string, Map<string, string>>();
  for (const teamId of new Set(docs.map((d) => d.teamId))) {
    const t = await teamsRepo.summary(db, teamId);
    teams.set(teamId, new Map((t?.members ?? []).map((m) => [m.staffId, m.name])));
  }
  const name = (id: string) => names.get(id) ?? '';
  return {
    appointments: docs
      .filter((d): d is AppointmentDoc => d.type === 'slot')
      .map((a) =>
        appointmentView(a, name(a.residentId), a.doctorId ? teams.get(a.teamId)?.get(a.doctorId) : undefined),
      ),
    homeVisits: docs
      .filter((d): d is HomeVisitDoc => d.type === 'home_visit')
      .map((h) => homeVisitView(h, name(h.residentId))),
  };
}

/** The caller's and family's bookings and home visits (default: 30 days back to 60 ahead). */
export const mineHandler: Handler<typeof mine> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const ids = [caller.residentId, ...(caller.familyResidentIds ?? [])].filter((x): x is string => !!x);
  ctx.authorize({ residentId: caller.residentId ?? refuse('NOT_VERIFIED') });
  const today = shanghaiDay(now);
  const docs = await appointments.ofResidents(
    db,
    ids,
    input.from ?? addDays(today, -30),
    input.to ?? addDays(today, 60),
  );
  const out = await lists(db, docs);
  out.appointments.sort((a, b) => a.start.localeCompare(b.start));
  return out;
};

/** A team's agenda for a day or a week: bookings in time order, plus open and planned home visits. */
export const agendaHandler: Handler<typeof agenda> = async ({ ctx, input }) => {
  const team = (await teamsRepo.summary(ctx.db, input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId: team._id, institutionId: team.institutionId, districtId: team.districtId });
  const to = input.span === 'week' ? addDays(input.day, 6) : input.day;
  const [appts, visits] = await Promise.all([
    appointments.ofTeam(ctx.db, team._id, input.day, to, input.doctorId),
    appointments.homeVisitsOfTeam(ctx.db, team._id, input.day, to),
  ]);
  return lists(ctx.db, [...appts, ...visits]);
};

/** The team's schedules and doctors, for the schedule editor. */
export const schedulesHandler: Handler<typeof schedules> = async ({ ctx, input }) => {
  const team = (await teamsRepo.summary(ctx.db, input.teamId)) ?? refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId: team._id, institutionId: team.institutionId, districtId: team.districtId });
  const list = await schedulesRepo.ofTeam(ctx.db, team._id);
  return {
    doctors: team.members.map((m) => ({ staffId: m.staffId, name: m.name })),
    schedules: list.map((s) => ({
      scheduleId: s._id,
      ...(s.doctorId ? { doctorId: s.doctorId } : {}),
      ...(s.doctorName ? { doctorName: s.doctorName } : {}),
      from: s.from,
      to: s.to,
      location: s.location,
      weekly: s.weekly,
      outreach: s.outreach,
      exceptions: s.exceptions,
    })),
  };
};
