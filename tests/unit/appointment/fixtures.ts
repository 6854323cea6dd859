import { type TSchedule, ZSchedule } from '@shared/appointment';

/** Shanghai wall time → instant, written out so tests compare exact instants (UTC+8, no DST). */
export const sh = (day: string, hhmm: string): Date => new Date(`${day}T${hhmm}:00+08:00`);

/**
 * Dr Wang's weekly clinic: Mon–Fri 08:00–11:00 in 30-minute slots of 10 seats, Saturday morning
 * 08:00–10:00 (5 seats), and one outreach day in Qingshan village.
 */
export const wang = (over: Partial<TSchedule> = {}): TSchedule =>
  ZSchedule.parse({
    _id: 'sch-wang',
    teamId: 'team-cg-1',
    doctorId: 'st-cg-1',
    doctorName: '王建国',
    from: '2026-01-01',
    to: '2027-12-31',
    location: '东门社区卫生服务站',
    weekly: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        start: '08:00',
        end: '11:00',
        capacity: 10,
        slotMinutes: 30,
      })),
      { weekday: 6, start: '08:00', end: '10:00', capacity: 5, slotMinutes: 30 },
    ],
    outreach: [
      {
        day: '2026-12-05',
        start: '09:00',
        end: '11:00',
        capacity: 20,
        slotMinutes: 60,
        location: '青山村村委会',
      },
    ],
    ...over,
  });
