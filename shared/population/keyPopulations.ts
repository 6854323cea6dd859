import { zDay, zId } from '../api/fields';
import { z } from '../api/zod';
import { VALIDATION_MESSAGES as V } from '../constants/messages';
import { KEY_POPULATION_TAGS, type KeyPopulationTag, STORED_TAGS, type StoredTag } from '../constants/tags';
import { addDays, ageOn, type Day } from '../time';
import { DEFAULT_POPULATION_CONFIG, type TPopulationConfig } from './config';

/** A pregnancy as recorded: registered (建册) on a day, delivered (or ended) on a later day. */
export const ZPregnancy = z
  .object({ registeredOn: zDay, deliveredOn: zDay.optional() })
  .refine((p) => p.deliveredOn === undefined || p.deliveredOn >= p.registeredOn, {
    error: V.endBeforeStart,
    path: ['deliveredOn'],
  });

/** What the rules need to know about a resident: facts only, nothing derived from the clock. */
export const ZPopulationFacts = z.object({
  _id: zId,
  birthDate: zDay,
  sex: z.enum(['male', 'female']),
  // Only stored tags are accepted: 'elderly' here would be a stale fact waiting to happen.
  tags: z.array(z.enum(STORED_TAGS)).default([]),
  pregnancies: z.array(ZPregnancy).default([]),
});
export type TPopulationFacts = z.output<typeof ZPopulationFacts>;

/** Age in full years on a day (Asia/Shanghai calendar). */
export const ageAt = (facts: Pick<TPopulationFacts, 'birthDate'>, day: Day): number =>
  ageOn(facts.birthDate, day);

/** Elderly on a day: turned `elderlyMinAge` on or before it (65 by default, 60 in some counties). */
export const isElderly = (
  facts: Pick<TPopulationFacts, 'birthDate'>,
  day: Day,
  cfg = DEFAULT_POPULATION_CONFIG,
) => ageAt(facts, day) >= cfg.elderlyMinAge;

/** A child 0–6: born on or before the day and not yet 7 (born 2020-03-01 → child until 2027-02-28). */
export const isChild = (
  facts: Pick<TPopulationFacts, 'birthDate'>,
  day: Day,
  cfg = DEFAULT_POPULATION_CONFIG,
) => facts.birthDate <= day && ageAt(facts, day) <= cfg.childMaxAge;

/** Maternal on a day: pregnancy registered and not yet delivered, or within the postpartum days after. */
export const isMaternal = (
  facts: Pick<TPopulationFacts, 'pregnancies'>,
  day: Day,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
): boolean =>
  facts.pregnancies.some(
    (p) =>
      p.registeredOn <= day &&
      (p.deliveredOn === undefined || day <= addDays(p.deliveredOn, cfg.postpartumDays)),
  );

/**
 * Every key-population tag a resident has on a day, in the order of KEY_POPULATION_TAGS.
 * Example: born 1960-05-01 with hypertension → on 2025-04-30 ['hypertension'], on 2025-05-01
 * ['elderly', 'hypertension'] (or from 2020-05-01 where elderlyMinAge is 60).
 */
export const keyPopulationsAt = (
  facts: TPopulationFacts,
  day: Day,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
): KeyPopulationTag[] => {
  const has = new Set<string>(facts.tags);
  if (isElderly(facts, day, cfg)) has.add('elderly');
  if (isChild(facts, day, cfg)) has.add('child');
  if (isMaternal(facts, day, cfg)) has.add('maternal');
  return KEY_POPULATION_TAGS.filter((t) => has.has(t));
};

/** True when a resident belongs to any key population on a day (the sign-rate denominator). */
export const isKeyPopulation = (
  facts: TPopulationFacts,
  day: Day,
  cfg = DEFAULT_POPULATION_CONFIG,
): boolean => keyPopulationsAt(facts, day, cfg).length > 0;

/** True when a stored tag is a key population (everything stored except `other_chronic`). */
export const isKeyPopulationStoredTag = (t: StoredTag): boolean =>
  (KEY_POPULATION_TAGS as readonly string[]).includes(t);
