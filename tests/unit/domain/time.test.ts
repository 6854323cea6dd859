import {
  addDays,
  addMonths,
  ageOn,
  bornOnOrBefore,
  dayEnd,
  dayStart,
  diffDays,
  halfYearOf,
  isValidDay,
  monthOf,
  quarterOf,
  quartersBetween,
  shanghaiDay,
  weekOf,
} from '@shared/time';
import fc from 'fast-check';

describe('time in Asia/Shanghai whatever the machine zone (machine is pinned to UTC here)', () => {
  it('a quarter ends at 23:59 Shanghai while UTC is still in the old day', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(quarterOf(shanghaiDay(new Date('2026-03-31T15:59:59.999Z'))).key).toBe('2026-Q1');
    expect(quarterOf(shanghaiDay(new Date('2026-03-31T16:00:00.000Z'))).key).toBe('2026-Q2');
    expect(quarterOf(shanghaiDay(new Date('2026-12-31T16:00:00.000Z'))).key).toBe('2027-Q1');
  });

  it('day start and end are Shanghai midnights as UTC instants', () => {
    expect(dayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(dayEnd('2026-03-31').toISOString()).toBe('2026-03-31T15:59:59.999Z');
  });

  it('every month maps to its calendar quarter with exact bounds', () => {
    const expected = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    for (let m = 1; m <= 12; m++) {
      const q = quarterOf(`2028-${String(m).padStart(2, '0')}-15`);
      expect(q.quarter).toBe(expected[m - 1]);
      expect(
        q.start <= `2028-${String(m).padStart(2, '0')}-15` &&
          q.end >= `2028-${String(m).padStart(2, '0')}-15`,
      ).toBe(true);
    }
    expect(quarterOf('2028-02-29')).toMatchObject({ start: '2028-01-01', end: '2028-03-31' });
    expect(quarterOf('2026-11-25')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', key: '2026-Q4' });
  });

  it('lists the quarters a span touches', () => {
    expect(quartersBetween('2026-02-10', '2026-07-01').map((q) => q.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(quartersBetween('2026-12-31', '2027-01-01').map((q) => q.key)).toEqual(['2026-Q4', '2027-Q1']);
  });

  it('months, weeks and half years', () => {
    expect(monthOf('2026-02-10')).toEqual({ key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(weekOf('2026-11-25')).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekOf('2026-11-29')).toMatchObject({ start: '2026-11-23' });
    expect(weekOf('2026-11-30')).toMatchObject({ start: '2026-11-30' });
    expect(halfYearOf('2026-06-30').key).toBe('2026-H1');
    expect(halfYearOf('2026-07-01').key).toBe('2026-H2');
  });

  it('day arithmetic: days, months clamped to month end, differences', () => {
    expect(addDays('2026-03-02', 14)).toBe('2026-03-16');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(diffDays('2026-03-02', '2026-03-16')).toBe(14);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-4-1')).toBe(false);
  });

  it('age turns on the birthday; a 29 Feb birthday turns on 1 Mar in a common year', () => {
    expect(ageOn('1961-11-25', '2026-11-24')).toBe(64);
    expect(ageOn('1961-11-25', '2026-11-25')).toBe(65);
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
  });

  it('property: born on or before the cutoff ⇔ at least that age', () => {
    const day = fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 80 }), (birth, today, years) => {
        fc.pre(birth <= today);
        expect(birth <= bornOnOrBefore(today, years)).toBe(ageOn(birth, today) >= years);
      }),
      { numRuns: 3000 },
    );
  });
});
