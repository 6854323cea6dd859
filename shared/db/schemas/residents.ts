import { z } from '../../api/zod';

/** Consent to the privacy notice (docs/privacy.md): which version, when, given by which account. */
export const ZConsent = z.object({
  version: z.string(),
  at: z.date(),
  byUserId: z.string(),
  withdrawnAt: z.date().optional(),
  withdrawReason: z.string().optional(),
});
export type Consent = z.infer<typeof ZConsent>;

/**
 * A `residents` document: one per person. The ID number and mobile are sealed (enc = encrypted,
 * hash = keyed look-up hash, masked = what lists show); nothing stores them in plain text.
 */
export const ZResidentDoc = z.object({
  _id: z.string(),
  name: z.string(),
  idEnc: z.string(),
  idHash: z.string(),
  idMasked: z.string(),
  /** Shanghai day `YYYY-MM-DD`, from the ID number. */
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  regionCode: z.string(),
  mobileEnc: z.string().optional(),
  mobileHash: z.string().optional(),
  mobileMasked: z.string().optional(),
  /** The account that is this person (absent for a family member added by someone else). */
  userId: z.string().optional(),
  consent: ZConsent.optional(),
  /** Stored conditions (hypertension, poverty …); age-derived tags are computed, never stored. */
  tags: z.array(z.string()).default([]),
  /** Assisted registration may store an unverified person (verified: false); absent = verified. */
  verified: z.boolean().optional(),
  verifiedAt: z.date().optional(),
  teamId: z.string().optional(),
  householdId: z.string().optional(),
  gridId: z.string().optional(),
  villageId: z.string().optional(),
  /** Street address given with the village/community at verification (issue 12). */
  address: z.string().optional(),
  institutionId: z.string().optional(),
  districtId: z.string().optional(),
  /** Keyed hashes of "name|last 4 of ID" and "name|last 4 of mobile" (assisted-signing search). */
  searchKeys: z.array(z.string()).optional(),
  createdAt: z.date(),
});
export type ResidentDoc = z.infer<typeof ZResidentDoc>;
