import { COLLECTIONS } from '../constants/collections';
import { KEY_POPULATION_TAGS, MUST_SIGN_TAGS } from '../constants/tags';
import { DEFAULT_POPULATION_CONFIG, type TPopulationConfig } from '../population/config';
import { isKeyPopulation, type TPopulationFacts } from '../population/keyPopulations';
import { addDays, bornOnOrBefore, type Day } from '../time';
import {
  type ContractFacts,
  type Counts,
  countStage,
  liveContractOf,
  liveContractsExpr,
  lookupByResident,
} from './common';

/**
 * Sign rates, run on `residents` (with contracts joined):
 * - key-population sign rate = key-population residents on `day` with a live contract / all
 *   key-population residents on `day` (target ≥ 60 %, sources 000, 004);
 * - overall coverage = residents with a live contract / all residents (≥ 30 %, 004);
 * - poverty coverage = poverty or special-family residents signed / all of them (100 %, 001, 004).
 */
const signedCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  day: Day,
): Counts => ({
  denominator: residents.length,
  numerator: residents.filter((r) => liveContractOf(contracts, r._id, day) !== undefined).length,
});

/** Key-population sign rate on a day (pure form). */
export const keyPopulationSignCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  day: Day,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
): Counts =>
  signedCounts(
    residents.filter((r) => isKeyPopulation(r, day, cfg)),
    contracts,
    day,
  );

/** Overall coverage on a day (pure form). */
export const overallCoverageCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  day: Day,
) => signedCounts(residents, contracts, day);

/** Poverty / special-family coverage on a day (pure form). */
export const povertyCoverageCounts = (
  residents: readonly TPopulationFacts[],
  contracts: readonly ContractFacts[],
  day: Day,
) =>
  signedCounts(
    residents.filter((r) => r.tags.some((t) => (MUST_SIGN_TAGS as readonly string[]).includes(t))),
    contracts,
    day,
  );

/**
 * Mongo query selecting key-population residents on a day. Age tags become birth-date cutoffs
 * (elderly on 2026-11-25 ⇔ born on or before 1961-11-25); maternal reads the pregnancy list.
 */
export const keyPopulationMatch = (day: Day, cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG) => ({
  $or: [
    {
      tags: { $in: KEY_POPULATION_TAGS.filter((t) => t !== 'elderly' && t !== 'child' && t !== 'maternal') },
    },
    { birthDate: { $lte: bornOnOrBefore(day, cfg.elderlyMinAge) } },
    { birthDate: { $gt: bornOnOrBefore(day, cfg.childMaxAge + 1), $lte: day } },
    {
      pregnancies: {
        $elemMatch: {
          registeredOn: { $lte: day },
          $or: [
            { deliveredOn: { $exists: false } },
            { deliveredOn: { $gte: addDays(day, -cfg.postpartumDays) } },
          ],
        },
      },
    },
  ],
});

const signedPipeline = (match: Record<string, unknown>, day: Day) => [
  { $match: match },
  lookupByResident(COLLECTIONS.contracts, 'contracts'),
  countStage({ $gt: [{ $size: liveContractsExpr(day) }, 0] }),
];

/** Key-population sign rate (pipeline form, on `residents`). */
export const keyPopulationSignPipeline = (day: Day, cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG) =>
  signedPipeline(keyPopulationMatch(day, cfg), day);

/** Overall coverage (pipeline form, on `residents`). */
export const overallCoveragePipeline = (day: Day) => signedPipeline({}, day);

/** Poverty coverage (pipeline form, on `residents`). */
export const povertyCoveragePipeline = (day: Day) =>
  signedPipeline({ tags: { $in: [...MUST_SIGN_TAGS] } }, day);
