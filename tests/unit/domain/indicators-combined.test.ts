import { COLLECTIONS } from '@shared/constants/collections';
import {
  addSums,
  DEFAULT_TARGETS,
  indicatorsFromSums,
  indicatorsPure,
  reportIndicatorsPipeline,
  reportIndicatorsPipelineDays,
  residentIndicatorsPipeline,
  residentIndicatorsPipelineDays,
  sumsByKey,
  sumsOfDay,
} from '@shared/indicators';
import { aggregate } from 'mingo';
import { contacts, contracts, followups, reports, residents } from './indicators.fixtures';

// The combined two-request form the stats function runs must agree with the pure functions.
const db: Record<string, Record<string, unknown>[]> = {
  [COLLECTIONS.residents]: residents.map((r, i) => ({ ...r, institutionId: i % 2 ? 'i1' : 'i2' })),
  [COLLECTIONS.contracts]: contracts,
  [COLLECTIONS.contacts]: contacts,
  [COLLECTIONS.followups]: followups,
  [COLLECTIONS.reports]: reports.map((r, i) => ({ ...r, institutionId: i % 2 ? 'i1' : 'i2' })),
};
const run = (collection: string, pipeline: Record<string, unknown>[]) =>
  aggregate(db[collection] ?? [], pipeline, {
    collectionResolver: (name: string) => db[name] ?? [],
  }) as Record<string, unknown>[];

describe('combined indicator pipelines (stats.indicators) = pure functions', () => {
  for (const day of ['2026-02-15', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-11-25']) {
    it(`on ${day}, as one row and summed over children`, () => {
      const pure = indicatorsPure({ residents, contracts, contacts, followups, reports }, day);
      for (const key of [null, 'institutionId']) {
        const sums = sumsByKey(
          run(COLLECTIONS.residents, residentIndicatorsPipeline({}, key, day)),
          run(COLLECTIONS.reports, reportIndicatorsPipeline({}, key, day, DEFAULT_TARGETS.gridResponseHours)),
        );
        expect(indicatorsFromSums(addSums(sums.values()))).toEqual(pure);
      }
    });
  }
});

describe('the trend form: several days in ONE request per collection = the pure functions per day', () => {
  const days = ['2026-02-15', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-11-25'];
  it('six as-of days at once', () => {
    const [resRow] = run(COLLECTIONS.residents, residentIndicatorsPipelineDays({}, null, days));
    const [repRow] = run(
      COLLECTIONS.reports,
      reportIndicatorsPipelineDays({}, days, DEFAULT_TARGETS.gridResponseHours),
    );
    days.forEach((day, i) => {
      const pure = indicatorsPure({ residents, contracts, contacts, followups, reports }, day);
      expect(indicatorsFromSums(sumsOfDay(resRow, repRow, i, days.length))).toEqual(pure);
    });
  });
});
