import type { TContract } from '@shared/contract';
import type { TPopulationFacts } from '@shared/population';
import type { TContact, TFollowup } from '@shared/schedule';

/**
 * One small district, shared by the pure and the pipeline forms of every indicator. Expected
 * counts in indicators.test.ts are worked out by hand from the comments here.
 */
const person = (
  id: string,
  birthDate: string,
  tags: TPopulationFacts['tags'] = [],
  pregnancies: TPopulationFacts['pregnancies'] = [],
): TPopulationFacts => ({
  _id: id,
  birthDate,
  sex: 'female',
  tags,
  pregnancies,
});

export const residents: TPopulationFacts[] = [
  person('r1', '1950-03-01'), // elderly
  person('r2', '1961-11-25', ['hypertension']), // turns 65 on 2026-11-25
  person('r3', '1961-11-26'), // 64 on 2026-11-25: elderly only where the threshold is 60
  person('r4', '2020-11-25'), // aged 6 on 2026-11-25: child
  person('r5', '2019-11-25', ['poverty']), // turns 7 on 2026-11-25: no longer a child
  person('r6', '1995-01-01', [], [{ registeredOn: '2026-06-01', deliveredOn: '2026-10-14' }]), // postpartum day 42
  person('r7', '1996-01-01', ['special_family'], [{ registeredOn: '2026-03-01', deliveredOn: '2026-10-13' }]), // day 43
  person('r8', '1970-01-01', ['diabetes', 'poverty']),
  person('r9', '1980-01-01', ['other_chronic']), // not a key population
  person('r10', '1985-01-01', ['severe_mental']),
  person('r11', '1990-01-01'),
];

const c = (
  id: string,
  residentId: string,
  status: TContract['status'],
  startDate?: string,
  endDate?: string,
): TContract => ({
  _id: id,
  residentId,
  teamId: 't1',
  institutionId: 'i1',
  packageIds: ['basic'],
  kind: 'new',
  status,
  signedAt: new Date('2025-09-01T00:00:00Z'),
  signedBy: 'u',
  ...(startDate ? { startDate } : {}),
  ...(endDate ? { endDate } : {}),
});

export const contracts: TContract[] = [
  c('k1', 'r1', 'active', '2026-01-01', '2026-12-31'),
  c('k2', 'r2', 'active', '2026-03-01', '2027-02-28'),
  c('k4', 'r4', 'superseded', '2026-01-01', '2026-11-30'), // serves until the handover on 12-01
  c('k6', 'r6', 'active', '2026-05-10', '2027-05-09'),
  c('k7', 'r7', 'expired', '2025-01-01', '2025-12-31'),
  c('k8', 'r8', 'active', '2025-10-01', '2026-09-30'), // reads expired from 2026-10-01
  c('k9', 'r9', 'active', '2026-01-01', '2026-12-31'),
  c('k10', 'r10', 'pending'),
  c('k11', 'r11', 'active', '2026-01-01', '2026-12-31'),
  c('k12', 'r11', 'terminated', '2025-01-01', '2025-12-31'),
];

const k = (
  id: string,
  residentId: string,
  day: string,
  channel: TContact['channel'] = 'phone',
): TContact => ({ _id: id, residentId, teamId: 't1', day, channel });
export const contacts: TContact[] = [
  k('x1', 'r1', '2026-02-01'),
  k('x2', 'r1', '2026-05-01', 'wechat'),
  k('x3', 'r1', '2026-08-01', 'visit'),
  k('x4', 'r2', '2026-03-05', 'sms'),
  k('x5', 'r2', '2026-07-10'),
  k('x6', 'r4', '2026-02-20'),
  k('x7', 'r6', '2026-05-09'), // the day before r6's contract: does not count
  k('x8', 'r6', '2026-06-20'),
  k('x9', 'r6', '2026-09-01'),
  k('x10', 'r11', '2026-03-31'),
  k('x11', 'r11', '2026-04-01'),
  k('x12', 'r11', '2026-10-01'),
];

const f = (
  id: string,
  residentId: string,
  day: string,
  kind: TFollowup['kind'],
  mode: TFollowup['mode'] = 'face_to_face',
): TFollowup => ({
  _id: id,
  residentId,
  teamId: 't1',
  day,
  kind,
  mode,
  measurements: kind === 'glucose_test' ? { glucose: 6.5 } : {},
});
export const followups: TFollowup[] = [
  f('f1', 'r2', '2026-03-10', 'hypertension'),
  f('f2', 'r2', '2026-05-05', 'hypertension', 'phone'),
  f('f3', 'r2', '2026-08-08', 'hypertension', 'home_visit'),
  f('f4', 'r8', '2026-02-10', 'diabetes'),
  f('f5', 'r8', '2026-05-10', 'diabetes', 'phone'),
  f('f6', 'r8', '2026-08-10', 'glucose_test'),
  f('f7', 'r10', '2026-02-10', 'severe_mental'),
];

const t = (iso: string) => new Date(iso);
export const reports = [
  {
    _id: 'g1',
    gridId: 'g',
    reportedAt: t('2026-03-31T15:00:00Z'),
    acknowledgedAt: t('2026-03-31T16:30:00Z'),
  }, // 23:00 Shanghai, 90 min
  {
    _id: 'g2',
    gridId: 'g',
    reportedAt: t('2026-03-31T16:00:00Z'),
    acknowledgedAt: t('2026-03-31T17:00:00Z'),
  }, // already Q2 in Shanghai
  {
    _id: 'g3',
    gridId: 'g',
    reportedAt: t('2026-01-10T02:00:00Z'),
    acknowledgedAt: t('2026-01-11T02:00:00Z'),
  }, // exactly 24 h
  {
    _id: 'g4',
    gridId: 'g',
    reportedAt: t('2026-02-01T00:00:00Z'),
    acknowledgedAt: t('2026-02-02T00:01:00Z'),
  }, // 24 h 1 min
  { _id: 'g5', gridId: 'g', reportedAt: t('2026-02-15T00:00:00Z') }, // never answered
  {
    _id: 'g6',
    gridId: 'g',
    reportedAt: t('2025-12-31T15:59:00Z'),
    acknowledgedAt: t('2025-12-31T16:10:00Z'),
  }, // 2025 in Shanghai
];
