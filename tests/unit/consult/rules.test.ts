import { emergencyWordsIn, responseDueAt } from '../../../shared/consult/rules';

const at = (iso: string) => new Date(iso);
const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

describe('response promise: 24 h counted on workdays', () => {
  it('a weekday question is due a day later', () => {
    expect(cst(responseDueAt(at('2026-11-04T10:00:00+08:00')))).toBe('2026-11-05T10:00');
  });
  it('a Friday afternoon question waits out the weekend: due Monday at the same hour', () => {
    expect(cst(responseDueAt(at('2026-11-06T15:00:00+08:00')))).toBe('2026-11-09T15:00');
  });
  it('a Saturday question starts counting on Monday', () => {
    expect(cst(responseDueAt(at('2026-11-07T11:00:00+08:00')))).toBe('2026-11-10T00:00');
  });
  it('National Day pauses the clock; the make-up Saturday (Oct 10) counts', () => {
    expect(cst(responseDueAt(at('2026-09-30T15:00:00+08:00')))).toBe('2026-10-08T15:00');
    expect(cst(responseDueAt(at('2026-10-09T12:00:00+08:00')))).toBe('2026-10-10T12:00');
  });
});

describe('emergency words', () => {
  it('finds them in a message, and nothing in an ordinary one', () => {
    expect(emergencyWordsIn('我爸突然胸痛，还有点呼吸困难')).toEqual(['胸痛', '呼吸困难']);
    expect(emergencyWordsIn('降压药吃完了，想问下能不能续方')).toEqual([]);
  });
});
