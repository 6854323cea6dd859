// Demo schedules and a few bookings (issue 7): the team leaders' weekly clinics, monthly outreach
// days in villages (POLICY: 1–2 a month), and bookings for demo residents on the next open days,
// with their seat counters, so the booking page and the doctor's agenda have something to show.
import {
  type Appointment,
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  slotsBetween,
  type TSchedule,
  ZSchedule,
} from '../../shared/appointment';
import { COLLECTIONS } from '../../shared/constants/collections';
import { addDays, monthOf, shanghaiDay } from '../../shared/time';

const weekdays = (start: string, end: string, capacity: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, capacity, slotMinutes: 30 }));

/** Two outreach days a month (the 2nd Tuesday-ish and the 4th), in a village of the team's area. */
const outreachDays = (today: string, location: string) => {
  const first = monthOf(today).start;
  return [0, 1, 2].flatMap((m) => {
    const month = monthOf(addDays(first, 32 * m)).start;
    return [9, 23].map((d) => ({
      day: addDays(month, d),
      start: '09:00',
      end: '11:00',
      capacity: 10,
      slotMinutes: 60,
      location,
    }));
  });
};

function schedules(today: string): TSchedule[] {
  const from = addDays(today, -30);
  const to = addDays(today, 180);
  return [
    ZSchedule.parse({
      _id: 'sch-st-cg-1',
      teamId: 'team-cg-1',
      doctorId: 'st-cg-1',
      doctorName: '王建国',
      from,
      to,
      location: '东门社区卫生服务站',
      weekly: [
        ...weekdays('08:00', '11:30', 6),
        { weekday: 3, start: '14:00', end: '16:30', capacity: 4, slotMinutes: 30 },
      ],
      outreach: [],
    }),
    ZSchedule.parse({
      _id: 'sch-st-cg-4',
      teamId: 'team-cg-2',
      doctorId: 'st-cg-4',
      doctorName: '陈静',
      from,
      to,
      location: '西街社区卫生服务站',
      weekly: weekdays('08:30', '11:30', 5),
    }),
    ZSchedule.parse({
      _id: 'sch-st-qs-1',
      teamId: 'team-qs-1',
      doctorId: 'st-qs-1',
      doctorName: '刘卫东',
      from,
      to,
      location: '青山镇卫生院全科门诊',
      weekly: weekdays('08:00', '11:00', 8),
      outreach: outreachDays(today, '石桥村卫生室'),
    }),
  ];
}

/** Schedules, a few bookings on the next open days, and the matching seat counters. */
export function demoAppointments(now: Date): { collection: string; docs: { _id: string }[] }[] {
  const today = shanghaiDay(now);
  const all = schedules(today);
  const open = slotsBetween(all, addDays(today, 1), addDays(today, 10), CAL, CFG);
  const pick = (scheduleId: string, n: number) => open.filter((s) => s.scheduleId === scheduleId)[n];
  const wanted: [string, number, string][] = [
    ['sch-st-cg-1', 1, 'res-demo-1m'],
    ['sch-st-cg-1', 2, 'res-demo-3'],
    ['sch-st-qs-1', 0, 'res-demo-2f'],
  ];
  const appointments: (Appointment & { type: 'slot' })[] = [];
  for (const [scheduleId, n, residentId] of wanted) {
    const s = pick(scheduleId, n);
    if (!s) continue;
    appointments.push({
      _id: `ap-demo-${residentId}`,
      type: 'slot',
      slotId: s.slotId,
      scheduleId: s.scheduleId,
      residentId,
      teamId: s.teamId,
      ...(s.doctorId ? { doctorId: s.doctorId } : {}),
      day: s.day,
      start: s.start,
      end: s.end,
      kind: s.kind,
      location: s.location,
      status: 'booked',
      signed: false,
      bookedAt: now,
      bookedByUserId: 'seed',
    });
  }
  const counters = appointments.map((a) => ({
    _id: a.slotId,
    teamId: a.teamId,
    day: a.day,
    booked: 1,
    unsignedBooked: 1,
  }));
  return [
    {
      collection: COLLECTIONS.schedules,
      docs: all.map((s) => ({ ...s, institutionId: s.teamId.startsWith('team-qs') ? 'inst-qs' : 'inst-cg' })),
    },
    { collection: COLLECTIONS.appointments, docs: appointments },
    { collection: COLLECTIONS.slots, docs: counters },
  ];
}
