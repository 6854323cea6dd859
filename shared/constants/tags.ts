/**
 * Key-population tags (POLICY.md "Who: key populations"). Age and pregnancy tags are derived at a
 * date (see shared/population/) and must never be stored; the rest are stored condition facts.
 */
export const KEY_POPULATION_TAGS = [
  'elderly',
  'child',
  'maternal',
  'hypertension',
  'diabetes',
  'diabetes_high_risk',
  'severe_mental',
  'tuberculosis',
  'hiv',
  'disabled',
  'poverty',
  'special_family',
] as const;
export type KeyPopulationTag = (typeof KEY_POPULATION_TAGS)[number];

/** Tags computed from birth date or pregnancy record at a given day: never written to the database. */
export const DERIVED_TAGS = ['elderly', 'child', 'maternal'] as const;
export type DerivedTag = (typeof DERIVED_TAGS)[number];

/** Tags a record may store, plus `other_chronic`, which has a follow-up rule but is not a key population. */
export const STORED_TAGS = [
  'hypertension',
  'diabetes',
  'diabetes_high_risk',
  'severe_mental',
  'tuberculosis',
  'hiv',
  'disabled',
  'poverty',
  'special_family',
  'other_chronic',
] as const;
export type StoredTag = (typeof STORED_TAGS)[number];

/** Tags for which signing should be 100 % (应签尽签, POLICY.md targets row "poverty / special families"). */
export const MUST_SIGN_TAGS = ['poverty', 'special_family'] as const satisfies readonly StoredTag[];

/** Chronic conditions with a yearly follow-up quota (POLICY.md follow-up table). */
export const FOLLOWUP_CONDITIONS = ['hypertension', 'diabetes', 'severe_mental', 'other_chronic'] as const;
export type FollowupCondition = (typeof FOLLOWUP_CONDITIONS)[number];
