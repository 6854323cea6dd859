import {
  coverageLine,
  followupResolves,
  initialCycleTasks,
  maskName,
  nextCycleWindow,
  taskState,
} from '../../../shared/care/plan';

describe('care chains (shared/care/plan.ts)', () => {
  it('rolls a quarterly window to the next quarter, cut to the term, or closes it', () => {
    const term = { start: '2026-03-10', end: '2027-03-09' };
    expect(nextCycleWindow('contact.quarterly', '2026-11-05', term)).toEqual({
      start: '2027-01-01',
      end: '2027-03-09',
    });
    expect(nextCycleWindow('contact.quarterly', '2027-02-01', term)).toBeNull();
    expect(nextCycleWindow('followup.other_chronic.yearly', '2026-05-01', term)).toEqual({
      start: '2027-01-01',
      end: '2027-03-09',
    });
  });

  it('classifies a window: due on both edges, overdue the day after, soon within 7 days', () => {
    const w = { start: '2026-11-05', end: '2026-11-19' };
    expect(taskState(w, '2026-11-05')).toEqual({ state: 'due', daysLeft: 14 });
    expect(taskState(w, '2026-11-19')).toEqual({ state: 'due', daysLeft: 0 });
    expect(taskState(w, '2026-11-20')).toEqual({ state: 'overdue', daysLeft: -1 });
    expect(taskState(w, '2026-10-29').state).toBe('soon');
    expect(taskState(w, '2026-10-28').state).toBe('upcoming');
    expect(taskState({ ...w, callBack: '2026-11-08' }, '2026-11-06').state).toBe('soon');
  });

  it('opens the cycle tasks the shared engine applies to a newly signed diabetic', () => {
    const tasks = initialCycleTasks({
      today: '2026-11-05',
      resident: { _id: 'r1', birthDate: '1950-01-01', sex: 'male', tags: ['diabetes'], pregnancies: [] },
      tags: ['diabetes'],
      contract: { start: '2026-11-05', end: '2027-11-04' },
    });
    expect(tasks.map((t) => t.kind).sort()).toEqual([
      'contact.quarterly',
      'followup.diabetes.quarterly',
      'test.diabetes.glucose.quarterly',
    ]);
    expect(tasks[0]).toMatchObject({ start: '2026-11-05', end: '2026-12-31' });
  });

  it('knows which chains a follow-up resolves, masks names, writes the progress line', () => {
    expect(followupResolves({ kind: 'diabetes', mode: 'phone', measurements: {} })).toEqual([]);
    expect(
      followupResolves({ kind: 'glucose_test', mode: 'face_to_face', measurements: { glucose: 6 } }),
    ).toContain('test.diabetes.glucose.quarterly');
    expect(maskName('钱淑芬')).toBe('钱*芬');
    expect(maskName('王五')).toBe('王*');
    expect(coverageLine(812, 1204, 23)).toBe('本季度已联系 812 / 1,204，还剩 23 天');
  });
});
