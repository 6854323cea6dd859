import {
  acceptHomeVisitRefusal,
  attendRefusal,
  bookingRefusal,
  DEFAULT_HOLIDAY_CALENDAR as CAL,
  DEFAULT_APPOINTMENT_CONFIG as CFG,
  changeRefusal,
  findSlot,
  hasOverlappingBooking,
  homeVisitEligible,
  noShowRefusal,
  noShowRestrictedUntil,
  parseSlotId,
  type SlotDef,
} from '@shared/appointment';
import { sh, wang } from './fixtures';

const NOW = sh('2026-11-25', '10:00');
const slot = (day = '2026-11-26', time = '09:00'): SlotDef => {
  const s = findSlot([wang()], `sch-wang-${day.replaceAll('-', '')}-${time.replace(':', '')}`, CAL, CFG);
  if (!s) throw new Error('fixture slot missing');
  return s;
};
const empty = (s: SlotDef) => ({ slotId: s.slotId, booked: 0, unsignedBooked: 0 });
const book = (over: Partial<Parameters<typeof bookingRefusal>[0]> = {}) => {
  const s = over.slot ?? slot();
  return bookingRefusal({
    slot: s,
    load: empty(s),
    viewer: { signed: true },
    now: NOW,
    mine: [],
    noShowDays: [],
    cfg: CFG,
    ...over,
  });
};

describe('slot ids name one slot of one schedule', () => {
  it('round-trips and refuses what the schedule does not offer', () => {
    expect(parseSlotId('sch-wang-20261126-0900')).toEqual({
      scheduleId: 'sch-wang',
      day: '2026-11-26',
      time: '09:00',
    });
    expect(parseSlotId('nonsense')).toBeNull();
    expect(findSlot([wang()], 'sch-wang-20261126-0915', CAL, CFG)).toBeNull(); // not on the 30-min grid
    expect(findSlot([wang()], 'sch-wang-20261129-0900', CAL, CFG)).toBeNull(); // Sunday
    expect(findSlot([wang()], 'sch-wang-20261001-0900', CAL, CFG)).toBeNull(); // National Day
    expect(findSlot([wang()], 'sch-other-20261126-0900', CAL, CFG)).toBeNull(); // unknown schedule
    expect(findSlot([wang()], 'sch-wang-20261126-1100', CAL, CFG)).toBeNull(); // after the session
    expect(findSlot([wang()], 'sch-wang-20261126-0900', CAL, CFG)?.start).toEqual(sh('2026-11-26', '09:00'));
  });
});

describe('booking predicates, in order', () => {
  it('accepts a good booking', () => expect(book()).toBeNull());

  it.each([
    ['2026-11-25 09:00 has started', slot('2026-11-25', '09:00'), NOW, 'SLOT_IN_PAST'],
    ['starts exactly now', slot('2026-11-26', '09:00'), sh('2026-11-26', '09:00'), 'SLOT_IN_PAST'],
    ['59 min ahead', slot('2026-11-26', '09:00'), sh('2026-11-26', '08:01'), 'SLOT_TOO_SOON'],
    ['60 min ahead', slot('2026-11-26', '09:00'), sh('2026-11-26', '08:00'), null],
    ['beyond 21 days for signed', slot('2026-12-17', '09:00'), NOW, 'SLOT_NOT_OPEN'],
    ['day 21 for signed', slot('2026-12-16', '09:00'), NOW, null],
  ])('%s → %s', (_label, s, now, code) => {
    expect(book({ slot: s, load: empty(s), now })).toBe(code);
  });

  it('unsigned residents reach 14 days only', () => {
    const s = slot('2026-12-10', '09:00');
    expect(book({ slot: s, load: empty(s), viewer: { signed: false } })).toBe('SLOT_NOT_OPEN');
    const t = slot('2026-12-09', '09:00');
    expect(book({ slot: t, load: empty(t), viewer: { signed: false } })).toBeNull();
  });

  it('full, and full for unsigned only while seats are held', () => {
    const s = slot('2026-12-01', '09:00');
    expect(book({ slot: s, load: { slotId: s.slotId, booked: 10, unsignedBooked: 0 } })).toBe('SLOT_FULL');
    const held = { slotId: s.slotId, booked: 7, unsignedBooked: 7 };
    expect(book({ slot: s, load: held, viewer: { signed: false } })).toBe('SLOT_FULL');
    expect(book({ slot: s, load: held, viewer: { signed: true } })).toBeNull();
  });

  it('an overlapping live booking refuses; cancelled ones and the one being moved do not', () => {
    const s = slot();
    const mine = [
      {
        _id: 'a1',
        start: sh('2026-11-26', '08:45'),
        end: sh('2026-11-26', '09:15'),
        status: 'booked' as const,
      },
    ];
    expect(book({ mine })).toBe('ALREADY_BOOKED');
    expect(book({ mine: [{ ...mine[0]!, status: 'cancelled' }] })).toBeNull();
    expect(book({ mine, replacing: 'a1' })).toBeNull();
    // Touching intervals do not overlap: 08:30–09:00 then 09:00–09:30.
    expect(
      hasOverlappingBooking(
        [{ ...mine[0]!, start: sh('2026-11-26', '08:30'), end: sh('2026-11-26', '09:00') }],
        s,
      ),
    ).toBe(false);
  });

  it('past beats full: the most basic refusal comes first', () => {
    const s = slot('2026-11-25', '08:00');
    expect(book({ slot: s, load: { slotId: s.slotId, booked: 10, unsignedBooked: 10 } })).toBe(
      'SLOT_IN_PAST',
    );
  });
});

describe('no-show rule: 3 in 90 days → 30 days without self-booking', () => {
  it.each([
    [['2026-09-01', '2026-10-10', '2026-11-20'], '2026-11-20', '2026-12-20'],
    [['2026-09-01', '2026-10-10', '2026-11-20'], '2026-12-19', '2026-12-20'],
    [['2026-09-01', '2026-10-10', '2026-11-20'], '2026-12-20', null],
    // First and third 89 days apart (inside), then 90 days apart (outside).
    [['2026-08-23', '2026-10-01', '2026-11-20'], '2026-11-25', '2026-12-20'],
    [['2026-08-22', '2026-10-01', '2026-11-20'], '2026-11-25', null],
    [['2026-06-03', '2026-07-15', '2026-08-31'], '2026-09-01', '2026-09-30'],
    [['2026-06-01', '2026-07-15', '2026-09-01'], '2026-09-02', null],
    // Four no-shows: the latest qualifying triple sets the end.
    [['2026-09-01', '2026-10-10', '2026-11-20', '2026-12-01'], '2026-12-25', '2026-12-31'],
    [['2026-11-01', '2026-11-20'], '2026-11-25', null],
    [[], '2026-11-25', null],
  ])('%j on %s → restricted until %s', (days, today, until) => {
    expect(noShowRestrictedUntil(days, today, CFG)).toBe(until);
  });

  it('refuses booking while restricted', () => {
    expect(book({ noShowDays: ['2026-09-01', '2026-10-10', '2026-11-20'] })).toBe('BOOKING_RESTRICTED');
  });
});

describe('cancel, reschedule, attended, no-show', () => {
  const appt = {
    status: 'booked' as const,
    start: sh('2026-11-26', '09:00'),
    end: sh('2026-11-26', '09:30'),
  };
  it.each([
    ['resident', sh('2026-11-26', '08:00'), null],
    ['resident', sh('2026-11-26', '08:01'), 'TOO_LATE_TO_CHANGE'],
    ['staff', sh('2026-11-26', '09:29'), null],
    ['staff', sh('2026-11-26', '09:30'), 'TOO_LATE_TO_CHANGE'],
  ] as const)('%s changing at %s → %s', (by, now, code) => {
    expect(changeRefusal(appt, now, by, CFG)).toBe(code);
  });

  it('only a live booking changes state', () => {
    for (const status of ['cancelled', 'attended', 'no_show'] as const) {
      expect(changeRefusal({ ...appt, status }, NOW, 'resident', CFG)).toBe('ILLEGAL_TRANSITION');
      expect(attendRefusal({ ...appt, status }, sh('2026-11-26', '09:00'), CFG)).toBe('ILLEGAL_TRANSITION');
      expect(noShowRefusal({ ...appt, status }, sh('2026-11-26', '10:00'))).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('attended from 60 min before the start; no-show from the end', () => {
    expect(attendRefusal(appt, sh('2026-11-26', '07:59'), CFG)).toBe('ILLEGAL_TRANSITION');
    expect(attendRefusal(appt, sh('2026-11-26', '08:00'), CFG)).toBeNull();
    expect(noShowRefusal(appt, sh('2026-11-26', '09:29'))).toBe('ILLEGAL_TRANSITION');
    expect(noShowRefusal(appt, sh('2026-11-26', '09:30'))).toBeNull();
  });
});

describe('home visits', () => {
  it.each([
    ['elderly', { birthDate: '1961-11-26' }, '2026-11-25', false],
    ['elderly', { birthDate: '1961-11-26' }, '2026-11-26', true],
    ['elderly', {}, '2026-11-26', false],
    ['disabled', { tags: ['disabled'] }, '2026-11-26', true],
    ['disabled', { tags: ['hypertension'] }, '2026-11-26', false],
    ['bedridden', {}, '2026-11-26', true],
  ] as const)('%s %j on %s → %s', (need, person, today, ok) => {
    expect(homeVisitEligible(need, person, today)).toBe(ok);
  });

  it('accept needs a waiting request and a future time', () => {
    expect(acceptHomeVisitRefusal('requested', sh('2026-11-26', '14:00'), NOW)).toBeNull();
    expect(acceptHomeVisitRefusal('requested', NOW, NOW)).toBe('START_IN_PAST');
    expect(acceptHomeVisitRefusal('declined', sh('2026-11-26', '14:00'), NOW)).toBe('ILLEGAL_TRANSITION');
  });
});
