// Pure rules of the emulator clock and cron evaluation.
import { parseClockSpec } from '../../emulator/src/clock';
import { nextFire } from '../../emulator/src/timers';

describe('parseClockSpec', () => {
  test.each([
    ['+90d', 0, 90 * 86400e3],
    ['-2h', 1000, 1000 - 7200e3],
    ['+30m', 0, 1800e3],
    ['+1w', 0, 7 * 86400e3],
    ['+15s', 5, 15005],
    ['reset', 12345, 0],
    ['--reset', 12345, 0],
  ])('%s from %d → %d', (spec, current, expected) => {
    expect(parseClockSpec(spec, current)).toBe(expected);
  });

  test('an ISO instant sets an absolute time', () => {
    const real = Date.parse('2026-11-25T00:00:00Z');
    expect(parseClockSpec('2027-01-01T09:00:00+08:00', 0, real)).toBe(
      Date.parse('2027-01-01T01:00:00Z') - real,
    );
  });

  test('nonsense is refused', () => {
    expect(() => parseClockSpec('soon', 0)).toThrow(/cannot understand/);
  });
});

describe('nextFire (7 fields, UTC+8)', () => {
  test('09:00 daily in Shanghai is 01:00 UTC; both edges', () => {
    expect(nextFire('0 0 9 * * * *', Date.parse('2026-11-25T00:59:59Z'))).toBe(
      Date.parse('2026-11-25T01:00:00Z'),
    );
    expect(nextFire('0 0 9 * * * *', Date.parse('2026-11-25T01:00:00Z'))).toBe(
      Date.parse('2026-11-26T01:00:00Z'),
    );
  });

  test('the year field limits firing; a past year never fires', () => {
    expect(nextFire('0 0 0 1 1 * 2028', Date.parse('2026-11-25T00:00:00Z'))).toBe(
      Date.parse('2027-12-31T16:00:00Z'),
    );
    expect(nextFire('0 0 0 1 1 * 2020', Date.parse('2026-11-25T00:00:00Z'))).toBeNull();
  });

  test('six fields are refused (CloudBase crons have seven)', () => {
    expect(() => nextFire('0 0 9 * * *', Date.now())).toThrow(/7 fields/);
  });
});
