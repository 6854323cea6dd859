import {
  confirmContract,
  effectiveStatus,
  expireContract,
  rejectContract,
  requestRenewal,
  requestTeamChange,
  TERMINATION_REASONS,
  terminateContract,
  withdrawContract,
  ZContract,
} from '@shared/contract';
import { quotePackages, ZServicePackage } from '@shared/fees';
import { effectiveServiceCounts, keyPopulationSignCounts } from '@shared/indicators';
import { ZPopulationFacts } from '@shared/population';
import {
  residentWorkItems,
  WORK_STATES,
  ZContact,
  ZFollowup,
  ZPrescription,
  ZReferral,
  ZTbEvent,
} from '@shared/schedule';
import fc from 'fast-check';

/**
 * "No rule throws an untyped error on any input its schema accepts": random documents are parsed
 * by the schema, and whatever it accepts is fed to every rule that takes it.
 */
const day = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2080-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const id = fc.constantFrom('a', 'b', 'c', 'r1');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const rawContract = fc.record({
  _id: id,
  residentId: fc.constant('r1'),
  teamId: fc.constantFrom('t1', 't2'),
  institutionId: fc.constant('i1'),
  packageIds: fc.constant(['basic']),
  kind: fc.constantFrom('new', 'renewal', 'change', 'bogus'),
  status: fc.constantFrom(
    'pending',
    'active',
    'rejected',
    'withdrawn',
    'expired',
    'terminated',
    'superseded',
    'bogus',
  ),
  signedAt: instant,
  signedBy: fc.constant('u'),
  requestedStart: maybe(day),
  renewedFrom: maybe(id),
  startDate: maybe(day),
  endDate: maybe(day),
});

describe('property: rules never throw on schema-accepted input', () => {
  it('contract transitions return a contract or a typed error', () => {
    fc.assert(
      fc.property(
        rawContract,
        fc.array(rawContract, { maxLength: 4 }),
        instant,
        fc.constantFrom(...TERMINATION_REASONS),
        (raw, rawSiblings, now, reason) => {
          const parsed = ZContract.safeParse(raw);
          fc.pre(parsed.success);
          if (!parsed.success) return;
          const c = parsed.data;
          const siblings = rawSiblings.flatMap((s) => {
            const p = ZContract.safeParse(s);
            return p.success ? [p.data] : [];
          });
          const results = [
            confirmContract(c, { now, by: 'l', siblings }),
            rejectContract(c, { now, reason: '原因' }),
            withdrawContract(c, { now }),
            expireContract(c, { now }),
            terminateContract(c, { now, reason }),
            requestRenewal(c, { id: 'n', signedBy: 'u', now, siblings }),
            requestTeamChange(c, {
              id: 'n',
              residentId: 'r1',
              teamId: 't3',
              institutionId: 'i1',
              packageIds: ['basic'],
              signedBy: 'u',
              siblings,
              now,
            }),
          ];
          for (const r of results) expect(typeof r.ok).toBe('boolean');
          expect(typeof effectiveStatus(c, now)).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the schedule engine classifies every accepted record set', () => {
    const rec = (extra: Record<string, fc.Arbitrary<unknown>>) =>
      fc.record({ _id: id, residentId: fc.constant('r1'), teamId: fc.constant('t1'), day, ...extra });
    fc.assert(
      fc.property(
        fc.record({
          _id: fc.constant('r1'),
          birthDate: day,
          sex: fc.constantFrom('male', 'female'),
          tags: fc.subarray([
            'hypertension',
            'diabetes',
            'diabetes_high_risk',
            'severe_mental',
            'other_chronic',
            'poverty',
          ]),
        }),
        rawContract,
        fc.array(rec({ channel: fc.constantFrom('phone', 'sms', 'fax') }), { maxLength: 5 }),
        fc.array(
          rec({
            kind: fc.constantFrom(
              'hypertension',
              'diabetes',
              'glucose_test',
              'severe_mental',
              'tuberculosis',
              'rehab',
            ),
            mode: fc.constantFrom('phone', 'home_visit'),
            riskLevel: maybe(fc.integer({ min: -1, max: 6 })),
            referralId: maybe(id),
          }),
          { maxLength: 6 },
        ),
        fc.array(rec({ direction: fc.constantFrom('up', 'down') }), { maxLength: 3 }),
        fc.array(
          fc.record({
            _id: id,
            residentId: fc.constant('r1'),
            startDay: day,
            endDay: day,
            long: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        fc.array(
          rec({
            type: fc.constantFrom('suspected', 'confirmed', 'stopped_medication', 'closed', 'moved_out'),
          }),
          { maxLength: 4 },
        ),
        instant,
        (person, contract, contacts, followups, referrals, prescriptions, tbEvents, now) => {
          const keep = <T>(
            schema: { safeParse: (x: unknown) => { success: boolean; data?: T } },
            xs: unknown[],
          ) =>
            xs.flatMap((x) => {
              const p = schema.safeParse(x);
              return p.success && p.data !== undefined ? [p.data] : [];
            });
          const resident = ZPopulationFacts.parse(person);
          const contracts = keep(ZContract, [contract]);
          const records = {
            contacts: keep(ZContact, contacts),
            followups: keep(ZFollowup, followups),
            referrals: keep(ZReferral, referrals),
            prescriptions: keep(ZPrescription, prescriptions),
            tbEvents: keep(ZTbEvent, tbEvents),
          };
          for (const item of residentWorkItems({ resident, contracts, records, now }))
            expect(WORK_STATES).toContain(item.state);
          const today = now.toISOString().slice(0, 10);
          expect(keyPopulationSignCounts([resident], contracts, today).denominator).toBeLessThanOrEqual(1);
          expect(
            effectiveServiceCounts([resident], contracts, [...records.contacts, ...records.followups], {
              start: '2026-01-01',
              end: today,
            }).numerator,
          ).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('fee quotes for any accepted packages are typed results', () => {
    const pkg = fc.record({
      _id: id,
      kind: fc.constantFrom('basic', 'personalised'),
      name: fc.constant('包'),
      feeFen: fc.integer({ min: -5, max: 100_000 }),
      insuranceFen: fc.integer({ min: 0, max: 100_000 }),
      publicHealthFen: fc.integer({ min: 0, max: 100_000 }),
      eligibleTags: fc.subarray(['hypertension', 'poverty', 'elderly']),
    });
    fc.assert(
      fc.property(
        fc.array(pkg, { maxLength: 4 }),
        fc.subarray(['hypertension', 'poverty', 'elderly']),
        (raw, tags) => {
          const pkgs = raw.flatMap((p) => {
            const r = ZServicePackage.safeParse(p);
            return r.success ? [r.data] : [];
          });
          const q = quotePackages(pkgs, tags);
          if (q.ok)
            expect(
              q.value.total.residentFen + q.value.total.insuranceFen + q.value.total.publicHealthFen,
            ).toBe(q.value.total.feeFen);
          else expect(['BASIC_PACKAGE_REQUIRED', 'PACKAGE_NOT_ELIGIBLE']).toContain(q.code);
        },
      ),
    );
  });
});
