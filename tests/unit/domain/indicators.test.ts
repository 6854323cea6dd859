import { COLLECTIONS } from '@shared/constants/collections';
import { FOLLOWUP_CONDITIONS } from '@shared/constants/tags';
import {
  countsFromRows,
  DEFAULT_TARGETS,
  effectiveServiceCounts,
  effectiveServicePipeline,
  followupCompletionCounts,
  followupCompletionPipeline,
  gridResponseCounts,
  gridResponseFromRows,
  gridResponsePipeline,
  INDICATOR_COLLECTION,
  INDICATOR_IDS,
  keyPopulationSignCounts,
  keyPopulationSignPipeline,
  overallCoverageCounts,
  overallCoveragePipeline,
  povertyCoverageCounts,
  povertyCoveragePipeline,
  quarterlyContactCounts,
  quarterlyContactPipeline,
  requiredFollowups,
  toIndicator,
} from '@shared/indicators';
import { ZPopulationConfig } from '@shared/population';
import { quarterOf } from '@shared/time';
import { aggregate } from 'mingo';
import { contacts, contracts, followups, reports, residents } from './indicators.fixtures';

// The database, as the stats function would see it; $lookup resolves collection names here.
const db: Record<string, Record<string, unknown>[]> = {
  [COLLECTIONS.residents]: residents,
  [COLLECTIONS.contracts]: contracts,
  [COLLECTIONS.contacts]: contacts,
  [COLLECTIONS.followups]: followups,
  [COLLECTIONS.reports]: reports,
};
const run = (collection: string, pipeline: Record<string, unknown>[]) =>
  aggregate(db[collection] ?? [], pipeline, {
    collectionResolver: (name: string) => db[name] ?? [],
  }) as Record<string, unknown>[];
const viaDb = (pipeline: Record<string, unknown>[]) => countsFromRows(run(COLLECTIONS.residents, pipeline));
const SERVICES = [...contacts, ...followups];
const DAY = '2026-11-25';
const Q1_Q3 = { start: '2026-01-01', end: '2026-09-30' };

describe('POLICY 000/004 key-population sign rate ≥ 60 %', () => {
  it('counts key populations at the day, age tags derived (pure = pipeline)', () => {
    const pure = keyPopulationSignCounts(residents, contracts, DAY);
    expect(pure).toEqual({ denominator: 8, numerator: 4 });
    expect(viaDb(keyPopulationSignPipeline(DAY))).toEqual(pure);
  });

  it('with the elderly threshold at 60, r3 joins the denominator', () => {
    const cfg = ZPopulationConfig.parse({ elderlyMinAge: 60 });
    const pure = keyPopulationSignCounts(residents, contracts, DAY, cfg);
    expect(pure).toEqual({ denominator: 9, numerator: 4 });
    expect(viaDb(keyPopulationSignPipeline(DAY, cfg))).toEqual(pure);
  });

  it('a day earlier r2 is not yet 65 but hypertensive; r5 is still a child', () => {
    const pure = keyPopulationSignCounts(residents, contracts, '2026-11-24');
    expect(viaDb(keyPopulationSignPipeline('2026-11-24'))).toEqual(pure);
    expect(pure.denominator).toBe(8);
  });

  it('the target is met at exactly 60 %', () => {
    expect(
      toIndicator(
        'keyPopulationSignRate',
        { numerator: 6, denominator: 10 },
        DEFAULT_TARGETS.keyPopulationSignRate,
      ).met,
    ).toBe(true);
    expect(toIndicator('keyPopulationSignRate', { numerator: 5, denominator: 10 }, 0.6)).toMatchObject({
      rate: 0.5,
      met: false,
    });
    expect(toIndicator('keyPopulationSignRate', { numerator: 0, denominator: 0 }, 0.6)).toMatchObject({
      rate: null,
      met: false,
    });
  });
});

describe('POLICY 004 overall coverage ≥ 30 % and POLICY 001/004 poverty coverage 100 %', () => {
  it('overall: residents with a live contract (superseded still serving counts, expired does not)', () => {
    const pure = overallCoverageCounts(residents, contracts, DAY);
    expect(pure).toEqual({ denominator: 11, numerator: 6 });
    expect(viaDb(overallCoveragePipeline(DAY))).toEqual(pure);
  });

  it('poverty and special families: r8 counts while its term runs, not after', () => {
    expect(povertyCoverageCounts(residents, contracts, '2026-09-30')).toEqual({
      denominator: 3,
      numerator: 1,
    });
    expect(povertyCoverageCounts(residents, contracts, '2026-10-01')).toEqual({
      denominator: 3,
      numerator: 0,
    });
    for (const day of ['2026-09-30', '2026-10-01'])
      expect(viaDb(povertyCoveragePipeline(day))).toEqual(povertyCoverageCounts(residents, contracts, day));
    expect(DEFAULT_TARGETS.povertyCoverage).toBe(1);
  });
});

describe('POLICY 000 effective sign-service rate ≥ 30 % (defined from service records)', () => {
  it('every quarter of the contract in the period has a contact or follow-up', () => {
    const pure = effectiveServiceCounts(residents, contracts, SERVICES, Q1_Q3);
    // live on 09-30: r1 r2 r4 r6 r8 r9 r11; effective: r1, r2 (from 03-01), r6 (from 05-10), r8 (follow-ups).
    expect(pure).toEqual({ denominator: 7, numerator: 4 });
    expect(viaDb(effectiveServicePipeline(Q1_Q3))).toEqual(pure);
    expect(toIndicator('effectiveSignServiceRate', pure, DEFAULT_TARGETS.effectiveSignServiceRate).met).toBe(
      true,
    );
  });

  it('quarter edges: Q1 ends 03-31, Q2 starts 04-01 (r11 is served in both but not in Q3)', () => {
    const h1 = { start: '2026-01-01', end: '2026-06-30' };
    const pure = effectiveServiceCounts(residents, contracts, SERVICES, h1);
    // r1, r2 (a Q2 follow-up counts as service), r6, r8, r11 (03-31 and 04-01); not r4, r9.
    expect(pure).toEqual({ denominator: 7, numerator: 5 });
    expect(viaDb(effectiveServicePipeline(h1))).toEqual(pure);
    // Ending Q1 a day early drops r11's 03-31 contact: the quarter is cut at the period end.
    const early = { start: '2026-01-01', end: '2026-03-30' };
    expect(effectiveServiceCounts(residents, contracts, SERVICES, early).numerator).toBe(4); // r1, r2, r4, r8; not r11
    expect(viaDb(effectiveServicePipeline(early))).toEqual(
      effectiveServiceCounts(residents, contracts, SERVICES, early),
    );
  });
});

describe('POLICY 003 quarterly contact coverage (every signed resident, every quarter)', () => {
  it('Q3: contacts only, counted from the contract start', () => {
    const q3 = quarterOf('2026-08-01');
    const pure = quarterlyContactCounts(residents, contracts, contacts, q3, DAY);
    expect(pure).toEqual({ denominator: 7, numerator: 3 }); // r1, r2, r6
    expect(viaDb(quarterlyContactPipeline(q3, DAY))).toEqual(pure);
  });

  it('the quarter in progress shows progress so far (asOf caps the window)', () => {
    const q4 = quarterOf(DAY);
    const pure = quarterlyContactCounts(residents, contracts, contacts, q4, DAY);
    expect(pure).toEqual({ denominator: 6, numerator: 1 }); // r11 on 10-01
    expect(viaDb(quarterlyContactPipeline(q4, DAY))).toEqual(pure);
  });

  it('Q1 vs Q2 at the edge: r11 contacted 03-31 and 04-01 counts once in each', () => {
    for (const day of ['2026-03-31', '2026-04-01']) {
      const q = quarterOf(day);
      const pure = quarterlyContactCounts(residents, contracts, contacts, q, '2026-12-31');
      expect(viaDb(quarterlyContactPipeline(q, '2026-12-31'))).toEqual(pure);
    }
  });
});

describe('POLICY 001 follow-up completion per condition', () => {
  const expected = {
    hypertension: { denominator: 1, numerator: 1 }, // r2: 3 follow-ups, 3 required for Q1–Q3
    diabetes: { denominator: 1, numerator: 0 }, // r8: one face to face, the phone one does not count
    severe_mental: { denominator: 0, numerator: 0 }, // r10 is only pending
    other_chronic: { denominator: 1, numerator: 0 }, // r9: none
  };
  it('every condition: pure = pipeline, and the hand-worked counts', () => {
    for (const condition of FOLLOWUP_CONDITIONS) {
      const pure = followupCompletionCounts(condition, residents, contracts, followups, Q1_Q3);
      expect(pure).toEqual(expected[condition]);
      expect(viaDb(followupCompletionPipeline(condition, Q1_Q3))).toEqual(pure);
    }
  });

  it('quotas prorate by quarter: 4 a year → 3 over Q1–Q3, 1 a year → 1', () => {
    expect(requiredFollowups('hypertension', Q1_Q3)).toBe(3);
    expect(requiredFollowups('diabetes', { start: '2026-01-01', end: '2026-12-31' })).toBe(4);
    expect(requiredFollowups('other_chronic', Q1_Q3)).toBe(1);
  });
});

describe('POLICY 003 grid report response (网格吹哨、家医报到)', () => {
  it('reports made in Shanghai Q1, answered within 24 h (exactly 24 h counts, 24 h 1 min does not)', () => {
    const q1 = quarterOf('2026-02-01');
    const pure = gridResponseCounts(reports, q1, DEFAULT_TARGETS.gridResponseHours);
    expect(pure).toMatchObject({ denominator: 4, numerator: 2, responded: 3 });
    expect(pure.meanMinutes).toBeCloseTo((90 + 1440 + 1441) / 3, 6);
    const viaPipeline = gridResponseFromRows(
      run(INDICATOR_COLLECTION.gridReportResponse, gridResponsePipeline(q1, 24)),
    );
    expect(viaPipeline.denominator).toBe(pure.denominator);
    expect(viaPipeline.numerator).toBe(pure.numerator);
    expect(viaPipeline.responded).toBe(pure.responded);
    expect(viaPipeline.meanMinutes).toBeCloseTo(pure.meanMinutes ?? Number.NaN, 6);
  });

  it('no reports → null mean in both forms', () => {
    const empty = { start: '2030-01-01', end: '2030-03-31' };
    expect(gridResponseCounts(reports, empty, 24)).toEqual({
      denominator: 0,
      numerator: 0,
      responded: 0,
      meanMinutes: null,
    });
    expect(gridResponseFromRows(run(COLLECTIONS.reports, gridResponsePipeline(empty, 24)))).toEqual(
      gridResponseCounts(reports, empty, 24),
    );
  });
});

describe('every indicator has a target and a collection', () => {
  it.each(INDICATOR_IDS.map((id) => [id]))('%s', (id) => {
    expect(DEFAULT_TARGETS[id]).toBeGreaterThan(0);
    expect(Object.values(COLLECTIONS)).toContain(INDICATOR_COLLECTION[id]);
  });
});
