import type { TContract } from '@shared/contract';
import {
  checkLongPrescription,
  checkOutreachPlan,
  DEFAULT_SCHEDULE_CONFIG,
  diabetesNeedsReferral,
  EMPTY_RECORDS,
  residentWorkItems,
  runTasks,
  type TFollowup,
  type TPrescription,
  UNIT_TASKS,
  type UnitTaskContext,
  ZScheduleConfig,
} from '@shared/schedule';

const noon = (day: string) => new Date(`${day}T04:00:00Z`);
const contract: TContract = {
  _id: 'c1',
  residentId: 'r1',
  teamId: 't1',
  institutionId: 'i1',
  packageIds: ['basic'],
  kind: 'new',
  status: 'active',
  signedAt: noon('2026-01-01'),
  signedBy: 'u1',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
};
const resident = {
  _id: 'r1',
  birthDate: '1950-01-01',
  sex: 'female' as const,
  tags: ['hypertension' as const],
  pregnancies: [],
};

describe('POLICY 004 long prescription up to 2 months', () => {
  it.each([
    ['2026-01-15', '2026-03-14', true],
    ['2026-01-15', '2026-03-15', false],
    ['2026-12-01', '2027-01-31', true],
    ['2026-12-01', '2027-02-01', false],
  ])('%s → %s allowed %s', (startDay, endDay, ok) => {
    expect(checkLongPrescription({ startDay, endDay }).ok).toBe(ok);
  });

  it('refill window: 7 days before the last day up to the last day', () => {
    const rx: TPrescription = {
      _id: 'p1',
      residentId: 'r1',
      startDay: '2026-01-15',
      endDay: '2026-03-14',
      long: true,
    };
    const at = (day: string, prescriptions: TPrescription[] = [rx]) =>
      residentWorkItems({
        resident,
        contracts: [contract],
        records: { ...EMPTY_RECORDS, prescriptions },
        now: noon(day),
      }).find((i) => i.key === 'prescription.refill:r1:p1')?.state;
    expect(at('2026-03-06')).toBe('soon');
    expect(at('2026-03-07')).toBe('due');
    expect(at('2026-03-14')).toBe('due');
    expect(at('2026-03-15')).toBe('overdue');
    const next: TPrescription = {
      _id: 'p2',
      residentId: 'r1',
      startDay: '2026-03-15',
      endDay: '2026-05-14',
      long: true,
    };
    expect(at('2026-03-16', [rx, next])).toBe('done');
  });
});

describe('POLICY 003 family doctor workday 1–2 days a month', () => {
  const ctx = (today: string, outreachDays: string[]): UnitTaskContext => ({
    today,
    unitId: 't1',
    active: { start: '2026-01-01', end: '2099-12-31' },
    outreachDays: outreachDays.map((day) => ({ day })),
    liveSessions: [],
    supervisions: [],
    cfg: DEFAULT_SCHEDULE_CONFIG,
  });
  const state = (c: UnitTaskContext, key: string) =>
    runTasks(UNIT_TASKS, c).find((i) => i.key === key)?.state;

  it('at least one outreach day each month: due through the last day, overdue the day after', () => {
    expect(state(ctx('2026-02-28', []), 'team.outreach.monthly:t1:2026-02')).toBe('due');
    expect(state(ctx('2026-03-01', []), 'team.outreach.monthly:t1:2026-02')).toBe('overdue');
    expect(state(ctx('2026-03-01', ['2026-02-28']), 'team.outreach.monthly:t1:2026-02')).toBe('done');
    expect(state(ctx('2026-03-01', ['2026-03-01']), 'team.outreach.monthly:t1:2026-02')).toBe('overdue');
  });

  it('at most two planned days in a calendar month (configurable)', () => {
    expect(checkOutreachPlan(['2026-02-03', '2026-02-17', '2026-03-03']).ok).toBe(true);
    expect(checkOutreachPlan(['2026-02-03', '2026-02-17', '2026-02-24'])).toEqual({
      ok: false,
      code: 'OUTREACH_DAYS_EXCEEDED',
    });
    expect(
      checkOutreachPlan(
        ['2026-02-03', '2026-02-17', '2026-02-24'],
        ZScheduleConfig.parse({ outreachMaxPerMonth: 3 }),
      ).ok,
    ).toBe(true);
  });

  it('POLICY 003 weekly live stream of at least 30 minutes: 29 minutes does not count', () => {
    const c = (mins: number) => ({
      ...ctx('2026-11-30', []),
      liveSessions: [{ day: '2026-11-25', durationMinutes: mins }],
    });
    expect(state(c(29), 'district.live_stream.weekly:t1:W2026-11-23')).toBe('overdue');
    expect(state(c(30), 'district.live_stream.weekly:t1:W2026-11-23')).toBe('done');
    expect(state(ctx('2026-11-29', []), 'district.live_stream.weekly:t1:W2026-11-23')).toBe('due');
  });

  it('POLICY 003 supervision every half year (H1 ends 30 June)', () => {
    expect(state(ctx('2026-06-30', []), 'grid.supervision.half_year:t1:2026-H1')).toBe('due');
    expect(state(ctx('2026-07-01', []), 'grid.supervision.half_year:t1:2026-H1')).toBe('overdue');
    expect(
      state(
        { ...ctx('2026-07-01', []), supervisions: [{ day: '2026-01-01' }] },
        'grid.supervision.half_year:t1:2026-H1',
      ),
    ).toBe('done');
  });
});

describe('POLICY 001 diabetes: two consecutive unsatisfactory glucose results → refer', () => {
  const test = (day: string, glucose: number): TFollowup => ({
    _id: day,
    residentId: 'r1',
    teamId: 't1',
    day,
    kind: 'glucose_test',
    mode: 'face_to_face',
    measurements: { glucose },
  });
  it.each([
    [[7.4, 8.1], true],
    [[7.4, 6.2, 8.1], false],
    [[6.9, 7.0], false],
    [[7.0, 7.0], true],
    [[8.0], false],
  ])('%j → refer %s', (values, refer) => {
    const tests = values.map((g, i) => test(`2026-0${i + 1}-10`, g));
    expect(diabetesNeedsReferral(tests.reverse())).toBe(refer);
  });
});
