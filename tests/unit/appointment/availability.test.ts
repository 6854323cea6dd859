import {
  availability,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  lastBookableDay,
  reservedSeats,
  type SlotLoad,
  seatsLeftFor,
  ZAppointmentConfig,
} from '@shared/appointment';
import { sh, wang } from './fixtures';

// Today in these tests: Wednesday 2026-11-25, 10:00 in Shanghai (02:00Z); the machine runs in UTC.
const NOW = sh('2026-11-25', '10:00');
const unsigned = { signed: false };
const signed = { signed: true };
const avail = (p: Partial<Parameters<typeof availability>[0]> = {}) =>
  availability({
    schedules: [wang()],
    loads: [],
    from: '2026-11-25',
    to: '2026-11-25',
    now: NOW,
    viewer: unsigned,
    ...p,
  });
const times = (slots: { time: string }[]) => slots.map((s) => s.time);

describe('availability: zone handling with the machine in UTC', () => {
  it('runs with TZ=UTC and still cuts Shanghai wall times', () => {
    expect(process.env.TZ).toBe('UTC');
    const [first] = avail({ from: '2026-11-26', to: '2026-11-26' });
    expect(first?.start.toISOString()).toBe('2026-11-26T00:00:00.000Z'); // 08:00 Shanghai
    expect(first?.end.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(first?.slotId).toBe('sch-wang-20261126-0800');
  });

  it('a Shanghai day starting before UTC midnight keeps its slots on that day', () => {
    // 2026-11-26 08:00 Shanghai is 00:00Z, 2026-11-25 in a US zone: the day is Shanghai's.
    const slots = avail({ from: '2026-11-26', to: '2026-11-26' });
    expect(new Set(slots.map((s) => s.day))).toEqual(new Set(['2026-11-26']));
    expect(slots).toHaveLength(6);
  });

  it('has no DST seams: every 30-minute slot of a year is exactly 30 minutes, starts at 08:00 +08', () => {
    const slots = availability({
      schedules: [wang()],
      loads: [],
      from: '2026-03-01',
      to: '2026-03-31',
      now: sh('2026-02-28', '00:00'),
      viewer: signed,
      config: ZAppointmentConfig.parse({ horizonDays: 60 }),
    });
    for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(30 * 60_000);
    expect(slots.filter((s) => s.time === '08:00').every((s) => s.start.getUTCHours() === 0)).toBe(true);
  });
});

describe('availability: minimum notice (60 min)', () => {
  it.each([
    ['08:59', true], // 61 min before the 10:00 slot
    ['09:00', true], // exactly 60 min: bookable
    ['09:01', false], // 59 min
  ])('now %s → the 10:00 slot listed: %s', (now, listed) => {
    expect(times(avail({ now: sh('2026-11-25', now) })).includes('10:00')).toBe(listed);
  });

  it('past and too-close slots of today are left out; later ones stay', () => {
    expect(times(avail())).toEqual([]); // now 10:00: the last slot, 10:30, is 30 min away
    expect(times(avail({ now: sh('2026-11-25', '07:00') }))).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
    ]);
    expect(times(avail({ now: sh('2026-11-25', '08:30') }))).toEqual(['09:30', '10:00', '10:30']);
    expect(times(avail({ now: sh('2026-11-25', '08:31') }))).toEqual(['10:00', '10:30']);
  });

  it('zero notice lists a slot up to its start', () => {
    const config = ZAppointmentConfig.parse({ minNoticeMinutes: 0 });
    expect(times(avail({ now: sh('2026-11-25', '10:30'), config }))).toEqual(['10:30']);
    expect(times(avail({ now: sh('2026-11-25', '10:31'), config }))).toEqual([]);
  });
});

describe('availability: horizon and the priority window', () => {
  it('last bookable day: 14 days for everyone, 21 for signed residents', () => {
    expect(lastBookableDay(NOW, unsigned, CFG)).toBe('2026-12-09');
    expect(lastBookableDay(NOW, signed, CFG)).toBe('2026-12-16');
    // 23:59 Shanghai is still the 25th; 00:00 the next day moves the horizon by one.
    expect(lastBookableDay(sh('2026-11-25', '23:59'), unsigned, CFG)).toBe('2026-12-09');
    expect(lastBookableDay(sh('2026-11-26', '00:00'), unsigned, CFG)).toBe('2026-12-10');
  });

  it.each([
    ['2026-12-09', unsigned, 6, false],
    ['2026-12-10', unsigned, 0, false],
    ['2026-12-10', signed, 6, true],
    ['2026-12-16', signed, 6, true],
    ['2026-12-17', signed, 0, false],
  ])('%s as %o → %i slots (priority %s)', (day, viewer, n, priority) => {
    const slots = avail({ from: day, to: day, viewer });
    expect(slots).toHaveLength(n);
    if (n) expect(slots.every((s) => s.priority === priority)).toBe(true);
  });

  it('no priority days: signed and unsigned see the same horizon', () => {
    const config = ZAppointmentConfig.parse({ priorityDays: 0 });
    expect(avail({ from: '2026-12-10', to: '2026-12-10', viewer: signed, config })).toHaveLength(0);
  });
});

describe('availability: holidays and make-up workdays (2026)', () => {
  const all = (from: string, to: string) =>
    availability({
      schedules: [wang()],
      loads: [],
      from,
      to,
      now: sh('2026-01-01', '00:00'),
      viewer: signed,
      config: ZAppointmentConfig.parse({ horizonDays: 90, priorityDays: 60 }),
    });
  const daysOf = (from: string, to: string) => [...new Set(all(from, to).map((s) => s.day))];

  it.each([
    ['2026-01-01', 0, 'New Year (Thu)'],
    ['2026-01-02', 0, 'New Year (Fri)'],
    ['2026-01-04', 6, 'make-up Sunday runs Monday sessions'],
    ['2026-01-05', 6, 'ordinary Monday'],
    ['2026-02-14', 6, 'make-up Saturday: weekday sessions (6), not Saturday (4)'],
    ['2026-02-16', 0, 'Spring Festival Monday'],
    ['2026-02-23', 0, 'last day of Spring Festival'],
    ['2026-02-24', 6, 'first working Tuesday'],
    ['2026-02-21', 0, 'Spring Festival Saturday: the Saturday clinic closes too'],
    ['2026-02-28', 6, 'make-up Saturday'],
    ['2026-03-07', 4, 'ordinary Saturday: Saturday clinic, 4 slots'],
    ['2026-03-08', 0, 'ordinary Sunday'],
  ])('%s → %i slots (%s)', (day, n) => {
    expect(all(day, day)).toHaveLength(n);
  });

  it('National Day week: closed Oct 1–7, open on make-up Sep 20 (Sun) and Oct 10 (Sat)', () => {
    const cfgNow = sh('2026-09-15', '00:00');
    const days = [
      ...new Set(
        availability({
          schedules: [wang()],
          loads: [],
          from: '2026-09-19',
          to: '2026-10-11',
          now: cfgNow,
          viewer: signed,
          config: ZAppointmentConfig.parse({ horizonDays: 60 }),
        }).map((s) => s.day),
      ),
    ];
    expect(days).toContain('2026-09-20');
    expect(days).toContain('2026-10-10');
    for (let d = 1; d <= 7; d++) expect(days).not.toContain(`2026-10-0${d}`);
    expect(days).not.toContain('2026-10-11'); // Sunday
    expect(days).not.toContain('2026-09-25'); // Mid-Autumn (Fri)
  });

  it('Qingming, Labour Day and Dragon Boat close weekday clinics', () => {
    expect(daysOf('2026-04-04', '2026-04-07')).toEqual(['2026-04-07']);
    expect(daysOf('2026-05-01', '2026-05-09')).toEqual([
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
    ]);
    const june = availability({
      schedules: [wang()],
      loads: [],
      from: '2026-06-18',
      to: '2026-06-22',
      now: sh('2026-06-10', '00:00'),
      viewer: unsigned,
    });
    expect([...new Set(june.map((s) => s.day))]).toEqual(['2026-06-18', '2026-06-22']);
  });

  it('make-up day sessions follow the configured weekday (Saturday 2026-10-10 as a Friday)', () => {
    const s = wang({
      weekly: [{ weekday: 5, start: '14:00', end: '15:00', capacity: 4, slotMinutes: 30 }],
    });
    const slots = availability({
      schedules: [s],
      loads: [],
      from: '2026-10-10',
      to: '2026-10-10',
      now: sh('2026-10-01', '00:00'),
      viewer: signed,
      config: ZAppointmentConfig.parse({ makeUpWeekday: 5 }),
    });
    expect(times(slots)).toEqual(['14:00', '14:30']);
  });
});

describe('availability: exceptions, outreach and validity', () => {
  const on = (schedule = wang(), day = '2026-12-01') =>
    availability({ schedules: [schedule], loads: [], from: day, to: day, now: NOW, viewer: unsigned });

  it('leave and closures remove the days they cover (inclusive)', () => {
    const s = wang({ exceptions: [{ from: '2026-12-01', to: '2026-12-02', kind: 'leave' }] });
    expect(on(s, '2026-11-30')).toHaveLength(6);
    expect(on(s, '2026-12-01')).toHaveLength(0);
    expect(on(s, '2026-12-02')).toHaveLength(0);
    expect(on(s, '2026-12-03')).toHaveLength(6);
  });

  it('an outreach day in a village replaces the clinic that day, with its own location and seats', () => {
    expect(on(wang({ outreach: [] }), '2026-12-05')).toHaveLength(4); // the Saturday clinic
    const slots = on(wang(), '2026-12-05');
    expect(slots.map((x) => [x.time, x.kind, x.location, x.capacity])).toEqual([
      ['09:00', 'outreach', '青山村村委会', 20],
      ['10:00', 'outreach', '青山村村委会', 20],
    ]);
    expect(on(wang(), '2026-12-04').every((x) => x.location === '东门社区卫生服务站')).toBe(true);
  });

  it('an outreach day on a public holiday still happens (the team chose the date)', () => {
    const s = wang({
      outreach: [
        { day: '2026-10-02', start: '09:00', end: '10:00', capacity: 5, slotMinutes: 60, location: '柳河村' },
      ],
    });
    const slots = availability({
      schedules: [s],
      loads: [],
      from: '2026-10-01',
      to: '2026-10-02',
      now: sh('2026-09-28', '00:00'),
      viewer: unsigned,
    });
    expect(slots.map((x) => [x.day, x.kind])).toEqual([['2026-10-02', 'outreach']]);
  });

  it('a closure cancels the outreach day too', () => {
    const s = wang({ exceptions: [{ from: '2026-12-05', to: '2026-12-05', kind: 'closure' }] });
    expect(on(s, '2026-12-05')).toHaveLength(0);
  });

  it('days outside the schedule validity have no slots', () => {
    const s = wang({ from: '2026-12-01', to: '2026-12-02' });
    expect(on(s, '2026-11-30')).toHaveLength(0);
    expect(on(s, '2026-12-02')).toHaveLength(6);
    expect(on(s, '2026-12-03')).toHaveLength(0);
  });

  it('a session that does not divide evenly drops the overrunning tail', () => {
    const s = wang({ weekly: [{ weekday: 2, start: '08:00', end: '09:10', capacity: 1, slotMinutes: 30 }] });
    expect(times(on(s, '2026-12-01'))).toEqual(['08:00', '08:30']);
  });
});

describe('availability: reserved share for signed residents', () => {
  const slotId = 'sch-wang-20261201-0800';
  const load = (booked: number, unsignedBooked: number): SlotLoad => ({ slotId, booked, unsignedBooked });
  const first = (l: SlotLoad, viewer: { signed: boolean }, now = NOW) =>
    availability({ schedules: [wang()], loads: [l], from: '2026-12-01', to: '2026-12-01', now, viewer })[0];

  it.each([
    [10, 0.3, 3],
    [5, 0.3, 1],
    [3, 0.3, 0],
    [10, 0, 0],
    [10, 1, 10],
    [7, 0.5, 3],
  ])('capacity %i × share %f → %i held', (cap, share, held) => {
    expect(reservedSeats(cap, { reservedShare: share })).toBe(held);
  });

  it.each([
    // booked, unsigned, signed viewer sees, unsigned viewer sees
    [0, 0, 10, 7],
    [6, 6, 4, 1],
    [7, 7, 3, 0], // the open seats are gone; 3 held
    [8, 6, 2, 1], // 2 signed took held seats
    [9, 5, 1, 1], // 4 signed: held seats exhausted, the last seat is open to all
    [10, 3, 0, 0],
  ])('booked %i (%i unsigned) → signed %i / unsigned %i', (booked, uns, sSees, uSees) => {
    expect(first(load(booked, uns), signed)?.seatsLeft).toBe(sSees);
    expect(first(load(booked, uns), unsigned)?.seatsLeft).toBe(uSees);
  });

  it('held seats are released 24 h before the start, not a millisecond earlier', () => {
    const start = sh('2026-12-01', '08:00');
    const before = new Date(start.getTime() - 24 * 3_600_000 - 1);
    const at = new Date(start.getTime() - 24 * 3_600_000);
    expect(seatsLeftFor({ capacity: 10, start }, load(7, 7), unsigned, before, CFG)).toBe(0);
    expect(seatsLeftFor({ capacity: 10, start }, load(7, 7), unsigned, at, CFG)).toBe(3);
    expect(first(load(7, 7), unsigned, at)?.reservedLeft).toBe(0);
    expect(first(load(7, 7), unsigned, before)?.reservedLeft).toBe(3);
  });

  it('a full slot stays listed with 0 seats', () => {
    expect(first(load(10, 0), signed)).toMatchObject({ booked: 10, seatsLeft: 0 });
  });
});
