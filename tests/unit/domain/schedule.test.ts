import { parseWith } from '@shared/api/zod';
import type { TContract } from '@shared/contract';
import type { TPopulationFacts } from '@shared/population';
import {
  DEFAULT_SCHEDULE_CONFIG,
  EMPTY_RECORDS,
  type ResidentRecords,
  residentWorkItems,
  type TFollowup,
  WORK_STATES,
  worklist,
  workState,
  ZFollowup,
} from '@shared/schedule';

const resident = (tags: TPopulationFacts['tags'] = []): TPopulationFacts => ({
  _id: 'r1',
  birthDate: '1970-05-01',
  sex: 'male',
  tags,
  pregnancies: [],
});
const contract: TContract = {
  _id: 'c1',
  residentId: 'r1',
  teamId: 't1',
  institutionId: 'i1',
  packageIds: ['basic'],
  kind: 'new',
  status: 'active',
  signedAt: new Date('2026-02-01T04:00:00Z'),
  signedBy: 'u1',
  startDate: '2026-02-10',
  endDate: '2027-02-09',
};
const noon = (day: string) => new Date(`${day}T04:00:00Z`);
let seq = 0;
const fu = (over: Partial<TFollowup>): TFollowup => ({
  _id: `f${++seq}`,
  residentId: 'r1',
  teamId: 't1',
  day: '2026-05-01',
  kind: 'hypertension',
  mode: 'face_to_face',
  measurements: {},
  ...over,
});
const items = (now: Date, tags: TPopulationFacts['tags'] = [], records: Partial<ResidentRecords> = {}) =>
  residentWorkItems({
    resident: resident(tags),
    contracts: [contract],
    records: { ...EMPTY_RECORDS, ...records },
    now,
  });
const stateOf = (list: ReturnType<typeof items>, key: string) => list.find((i) => i.key === key)?.state;

describe('POLICY 003 quarterly contact of every signed resident', () => {
  it('quarter edge at 23:59 Shanghai while UTC is still in the old day', () => {
    // 2026-03-31T15:59Z is 23:59 on 31 March in Shanghai: Q1 still due.
    expect(stateOf(items(new Date('2026-03-31T15:59:00Z')), 'contact.quarterly:r1:2026-Q1')).toBe('due');
    // 16:00Z is 1 April in Shanghai: Q1 overdue, Q2 open.
    const april = items(new Date('2026-03-31T16:00:00Z'));
    expect(stateOf(april, 'contact.quarterly:r1:2026-Q1')).toBe('overdue');
    expect(stateOf(april, 'contact.quarterly:r1:2026-Q2')).toBe('due');
  });

  it.each([
    ['day before contract start', '2026-02-09', undefined],
    ['first day', '2026-02-10', 'due'],
    ['last day of quarter', '2026-03-31', 'due'],
    ['day after', '2026-04-01', 'overdue'],
  ])('Q1 window (contract start … quarter end): %s → %s', (_l, day, state) => {
    expect(stateOf(items(noon(day)), 'contact.quarterly:r1:2026-Q1')).toBe(state);
  });

  it('a contact on the contract start or quarter end resolves; one before the contract does not', () => {
    for (const [day, resolved] of [
      ['2026-02-09', false],
      ['2026-02-10', true],
      ['2026-03-31', true],
      ['2026-04-01', false],
    ] as const) {
      const list = items(noon('2026-04-02'), [], {
        contacts: [{ _id: 'k', residentId: 'r1', teamId: 't1', day, channel: 'phone' }],
      });
      expect(stateOf(list, 'contact.quarterly:r1:2026-Q1')).toBe(resolved ? 'done' : 'overdue');
    }
  });

  it('every contact channel counts', () => {
    for (const channel of ['phone', 'wechat', 'sms', 'visit'] as const) {
      const list = items(noon('2026-05-01'), [], {
        contacts: [{ _id: 'k', residentId: 'r1', teamId: 't1', day: '2026-04-20', channel }],
      });
      expect(stateOf(list, 'contact.quarterly:r1:2026-Q2')).toBe('done');
    }
  });

  it('no contract, no contact task', () => {
    const list = residentWorkItems({
      resident: resident(['hypertension']),
      contracts: [],
      records: EMPTY_RECORDS,
      now: noon('2026-05-01'),
    });
    expect(list).toEqual([]);
  });
});

describe('POLICY 001 condition follow-ups', () => {
  it('POLICY 001 hypertension quarterly: resolved by a hypertension follow-up in the quarter', () => {
    const key = 'followup.hypertension.quarterly:r1:2026-Q2';
    expect(stateOf(items(noon('2026-05-02'), ['hypertension']), key)).toBe('due');
    expect(stateOf(items(noon('2026-05-02'), ['hypertension'], { followups: [fu({})] }), key)).toBe('done');
    expect(stateOf(items(noon('2026-07-01'), ['hypertension']), key)).toBe('overdue');
    expect(stateOf(items(noon('2026-05-02'), []), key)).toBeUndefined();
  });

  it('POLICY 001 diabetes 4 follow-ups: face to face only; 4 glucose tests: with a glucose value', () => {
    const f = 'followup.diabetes.quarterly:r1:2026-Q2';
    const g = 'test.diabetes.glucose.quarterly:r1:2026-Q2';
    const phone = items(noon('2026-05-02'), ['diabetes'], {
      followups: [fu({ kind: 'diabetes', mode: 'phone' })],
    });
    expect(stateOf(phone, f)).toBe('due');
    const visit = items(noon('2026-05-02'), ['diabetes'], {
      followups: [fu({ kind: 'diabetes', mode: 'home_visit' })],
    });
    expect(stateOf(visit, f)).toBe('done');
    expect(stateOf(visit, g)).toBe('due');
    const test = items(noon('2026-05-02'), ['diabetes'], {
      followups: [fu({ kind: 'glucose_test', measurements: { glucose: 6.1 } })],
    });
    expect(stateOf(test, g)).toBe('done');
  });

  it('POLICY 001 diabetes high risk yearly glucose (not for confirmed diabetics)', () => {
    const key = 'test.diabetes_high_risk.glucose.yearly:r1:2026';
    expect(stateOf(items(noon('2026-12-31'), ['diabetes_high_risk']), key)).toBe('due');
    expect(stateOf(items(noon('2027-01-01'), ['diabetes_high_risk']), key)).toBe('overdue');
    expect(stateOf(items(noon('2026-06-01'), ['diabetes_high_risk', 'diabetes']), key)).toBeUndefined();
  });

  it('POLICY 001 severe mental 4 follow-ups with risk: every risk level 0–5 resolves, none is refused', () => {
    const key = 'followup.severe_mental.quarterly:r1:2026-Q2';
    for (let riskLevel = 0; riskLevel <= 5; riskLevel++) {
      const list = items(noon('2026-05-02'), ['severe_mental'], {
        followups: [fu({ kind: 'severe_mental', riskLevel })],
      });
      expect(stateOf(list, key)).toBe('done');
    }
    const r = parseWith(ZFollowup, { ...fu({ kind: 'severe_mental' }), riskLevel: undefined });
    expect(r.ok ? null : r.issues).toEqual([
      { path: 'riskLevel', message: '严重精神障碍随访必须填写危险性评估等级（0–5级）' },
    ]);
    expect(parseWith(ZFollowup, fu({ kind: 'severe_mental', riskLevel: 6 })).ok).toBe(false);
  });

  it('POLICY 001 other chronic yearly: face to face with heart rate, glucose and blood pressure', () => {
    const key = 'followup.other_chronic.yearly:r1:2026';
    const partial = fu({ kind: 'other_chronic', measurements: { heartRate: 70, glucose: 5.5 } });
    const full = fu({
      kind: 'other_chronic',
      measurements: { heartRate: 70, glucose: 5.5, systolic: 130, diastolic: 80 },
    });
    expect(stateOf(items(noon('2026-06-01'), ['other_chronic'], { followups: [partial] }), key)).toBe('due');
    expect(stateOf(items(noon('2026-06-01'), ['other_chronic'], { followups: [full] }), key)).toBe('done');
    expect(
      stateOf(items(noon('2026-06-01'), ['other_chronic'], { followups: [{ ...full, mode: 'phone' }] }), key),
    ).toBe('due');
  });
});

describe('POLICY 001 follow-up within 2 weeks after referral', () => {
  const referrals = [{ _id: 'ref1', residentId: 'r1', day: '2026-03-02', direction: 'up' as const }];
  const key = 'followup.referral.2w:r1:ref1';
  it.each([
    ['referral day', '2026-03-02', 'due'],
    ['last day (03-16)', '2026-03-16', 'due'],
    ['day after', '2026-03-17', 'overdue'],
  ])('%s → %s', (_l, day, state) => {
    expect(stateOf(items(noon(day), [], { referrals }), key)).toBe(state);
  });

  it('resolved by a follow-up naming the referral, inside the window only', () => {
    const onTime = fu({ kind: 'referral', day: '2026-03-16', referralId: 'ref1' });
    expect(stateOf(items(noon('2026-03-20'), [], { referrals, followups: [onTime] }), key)).toBe('done');
    const late = { ...onTime, day: '2026-03-17' };
    expect(stateOf(items(noon('2026-03-20'), [], { referrals, followups: [late] }), key)).toBe('overdue');
  });

  it('POLICY 000 down-referral rehab visit: the team takes over with a visit', () => {
    const down = [{ _id: 'd1', residentId: 'r1', day: '2026-03-02', direction: 'down' as const }];
    expect(stateOf(items(noon('2026-03-17'), [], { referrals: down }), 'visit.down_referral:r1:d1')).toBe(
      'overdue',
    );
    const visit = fu({ kind: 'rehab', mode: 'home_visit', day: '2026-03-05' });
    expect(
      stateOf(
        items(noon('2026-03-17'), [], { referrals: down, followups: [visit] }),
        'visit.down_referral:r1:d1',
      ),
    ).toBe('done');
  });
});

describe('POLICY 001 tuberculosis', () => {
  const ev = (type: 'suspected' | 'confirmed' | 'stopped_medication', day: string) => ({
    _id: `e-${type}`,
    residentId: 'r1',
    day,
    type,
  });
  it('suspected → referral within the configured days', () => {
    const key = 'tb.suspected.referral:r1:e-suspected';
    expect(stateOf(items(noon('2026-04-08'), [], { tbEvents: [ev('suspected', '2026-04-01')] }), key)).toBe(
      'due',
    );
    expect(stateOf(items(noon('2026-04-09'), [], { tbEvents: [ev('suspected', '2026-04-01')] }), key)).toBe(
      'overdue',
    );
    const referred = { _id: 'rf', residentId: 'r1', day: '2026-04-03', direction: 'up' as const };
    expect(
      stateOf(
        items(noon('2026-04-09'), [], { tbEvents: [ev('suspected', '2026-04-01')], referrals: [referred] }),
        key,
      ),
    ).toBe('done');
  });

  it('confirmed → first home visit within 3 days, then one each month of treatment', () => {
    const tb = [ev('confirmed', '2026-04-10')];
    const first = 'tb.treatment.visit:r1:e-confirmed:first';
    expect(stateOf(items(noon('2026-04-13'), [], { tbEvents: tb }), first)).toBe('due');
    expect(stateOf(items(noon('2026-04-14'), [], { tbEvents: tb }), first)).toBe('overdue');
    const june = items(noon('2026-06-05'), [], { tbEvents: tb });
    expect(stateOf(june, 'tb.treatment.visit:r1:e-confirmed:2026-05')).toBe('overdue');
    expect(stateOf(june, 'tb.treatment.visit:r1:e-confirmed:2026-06')).toBe('due');
    const stopped = items(noon('2026-08-05'), [], {
      tbEvents: [...tb, ev('stopped_medication', '2026-06-20')],
    });
    expect(stopped.some((i) => i.key.endsWith(':2026-07'))).toBe(false);
  });

  it('stopped medication → phone follow-up within 2 weeks (day before, first, last, after)', () => {
    const tb = [ev('stopped_medication', '2026-06-20')];
    const key = 'tb.stopped.phone:r1:e-stopped_medication';
    expect(stateOf(items(noon('2026-06-19'), [], { tbEvents: tb }), key)).toBeUndefined();
    expect(stateOf(items(noon('2026-06-20'), [], { tbEvents: tb }), key)).toBe('due');
    expect(stateOf(items(noon('2026-07-04'), [], { tbEvents: tb }), key)).toBe('due');
    expect(stateOf(items(noon('2026-07-05'), [], { tbEvents: tb }), key)).toBe('overdue');
    const call = fu({ kind: 'tuberculosis', mode: 'phone', day: '2026-07-04' });
    expect(stateOf(items(noon('2026-07-05'), [], { tbEvents: tb, followups: [call] }), key)).toBe('done');
  });
});

describe('window predicates (Simple style) and worklist order', () => {
  const w = { start: '2026-03-02', end: '2026-03-16' };
  it('every work state is reachable and the boundary pairs hold', () => {
    const seen = new Set([
      workState(w, '2026-02-20', false, 7),
      workState(w, '2026-02-23', false, 7),
      workState(w, '2026-03-01', false, 7),
      workState(w, '2026-03-02', false, 7),
      workState(w, '2026-03-16', false, 7),
      workState(w, '2026-03-17', false, 7),
      workState(w, '2026-03-17', true, 7),
    ]);
    expect([...seen].sort()).toEqual([...WORK_STATES].sort());
    expect(workState(w, '2026-02-22', false, 7)).toBe('upcoming');
    expect(workState(w, '2026-02-23', false, 7)).toBe('soon');
  });

  it('worklist shows overdue, then due, then soon', () => {
    const list = worklist(items(noon('2026-04-02'), ['hypertension']));
    expect(list.map((i) => i.state)).toEqual(['overdue', 'overdue', 'due', 'due']);
    expect(DEFAULT_SCHEDULE_CONFIG.soonDays).toBe(7);
  });
});
