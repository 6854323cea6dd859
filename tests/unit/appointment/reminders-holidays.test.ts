import {
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  calendarFrom,
  HOLIDAYS_2026,
  HOLIDAYS_2027_PROVISIONAL,
  isoWeekday,
  planReminders,
  sessionWeekday,
  shanghaiInstant,
} from '@shared/appointment';
import { sh } from './fixtures';

describe('reminders: 20:00 the evening before and 2 hours before', () => {
  const appt = { _id: 'ap1', start: sh('2026-11-27', '09:00') };
  it('plans both when booked early', () => {
    expect(planReminders(appt, sh('2026-11-25', '10:00'), CFG)).toEqual([
      {
        kind: 'eve',
        sendAt: new Date('2026-11-26T12:00:00.000Z'),
        dedupeKey: 'apptrem_ap1_202611270100_eve',
      },
      {
        kind: 'before',
        sendAt: new Date('2026-11-26T23:00:00.000Z'),
        dedupeKey: 'apptrem_ap1_202611270100_before',
      },
    ]);
  });
  it.each([
    [sh('2026-11-26', '19:59'), ['eve', 'before']],
    [sh('2026-11-26', '20:00'), ['before']],
    [sh('2026-11-27', '06:59'), ['before']],
    [sh('2026-11-27', '07:00'), []],
  ])('booked at %s → %j', (now, kinds) => {
    expect(planReminders(appt, now, CFG).map((r) => r.kind)).toEqual(kinds);
  });
  it('an early-morning slot: the 2-hour reminder at 06:00 falls after the evening one', () => {
    const r = planReminders({ _id: 'x', start: sh('2026-11-27', '08:00') }, sh('2026-11-20', '08:00'), CFG);
    expect(r.map((x) => x.sendAt.toISOString())).toEqual([
      '2026-11-26T12:00:00.000Z',
      '2026-11-26T22:00:00.000Z',
    ]);
  });
  it('keys change with the start, so a rescheduled booking gets fresh reminders', () => {
    const a = planReminders(appt, sh('2026-11-25', '10:00'), CFG)[0]?.dedupeKey;
    const b = planReminders({ ...appt, start: sh('2026-11-27', '09:30') }, sh('2026-11-25', '10:00'), CFG)[0]
      ?.dedupeKey;
    expect(a).not.toBe(b);
  });
});

describe('holiday calendar data', () => {
  it('2026 is published: 33 days off, 6 make-up days, each make-up day a weekend day', () => {
    expect(HOLIDAYS_2026.status).toBe('published');
    expect(HOLIDAYS_2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(HOLIDAYS_2026.workdays.map((w) => w.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const w of HOLIDAYS_2026.workdays) expect([6, 7]).toContain(isoWeekday(w.day));
  });
  it('2027 is provisional and configurable', () => {
    expect(HOLIDAYS_2027_PROVISIONAL.status).toBe('provisional');
    expect(CAL.provisionalYears).toEqual([2027]);
    const published = calendarFrom([
      HOLIDAYS_2026,
      {
        year: 2027,
        status: 'published',
        holidays: [{ day: '2027-02-09', name: '春节' }],
        workdays: [{ day: '2027-02-20', name: '春节调休' }],
      },
    ]);
    expect(sessionWeekday(published, '2027-02-09', 1)).toBeNull();
    expect(sessionWeekday(published, '2027-02-05', 1)).toBe(5); // no longer a holiday there
    expect(sessionWeekday(published, '2027-02-20', 1)).toBe(1);
  });
  it.each([
    ['2026-10-01', null],
    ['2026-10-10', 1],
    ['2026-10-11', 7],
    ['2026-10-12', 1],
    ['2027-02-05', null],
    ['2028-01-01', 6], // outside the data: by weekday alone
  ])('%s runs weekday %s', (day, w) => {
    expect(sessionWeekday(CAL, day, 1)).toBe(w);
  });
  it('Shanghai wall times are UTC+8 whatever the machine zone', () => {
    expect(shanghaiInstant('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghaiInstant('2026-07-01', '23:30').toISOString()).toBe('2026-07-01T15:30:00.000Z');
  });
});
