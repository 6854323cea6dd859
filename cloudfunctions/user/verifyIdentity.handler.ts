import type { verifyIdentity } from '@shared/api/user';
import { CURRENT_PRIVACY_VERSION } from '@shared/constants/privacy';
import { maskIdNumber, maskMobile, parseIdNumber } from '@shared/identity';
import * as residents from '../_data/residents.repo';
import * as users from '../_data/users.repo';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { lookupHash, sealPii } from '../_lib/pii';
import { searchKeysFor } from '../_lib/residentSearch';
import { newId } from './support/ids';
import { residenceFields, resolveResidence } from './support/residence';

/**
 * Real-name verification with separate consent to the current privacy notice. The person is
 * found by the keyed hash of the ID number: a record a family member or grid worker created
 * earlier is claimed; one claimed by another account is refused (ID_ALREADY_REGISTERED).
 * Writes are ordered resident → user, so a retry after a failure between them completes.
 */
export const verifyIdentityHandler: Handler<typeof verifyIdentity> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const parsed = parseIdNumber(input.idNumber, now);
  if (!parsed.ok) refuse(parsed.code);
  const facts = parsed.value;
  const idHash = lookupHash('id', facts.idNumber);
  const consent = { version: CURRENT_PRIVACY_VERSION, at: now, byUserId: userId };
  const mobile = sealPii('mobile', input.mobile, maskMobile);
  const mobilePatch = {
    mobileEnc: mobile.enc,
    mobileHash: mobile.hash,
    mobileMasked: mobile.masked,
    // Assisted-signing search keys (name + ID tail, name + mobile tail), keyed hashes only.
    searchKeys: searchKeysFor({ name: input.name, idNumber: facts.idNumber, mobile: input.mobile }),
  };
  // Where they live, asked once here so the team list and signing can match them to a team.
  const place = input.residence ? residenceFields(await resolveResidence(db, input.residence)) : {};

  if (caller.residentId) {
    // Already verified: only a resident who withdrew consent may consent again, as the same person.
    const self = await residents.findById(db, caller.residentId, ['idHash', 'consent']);
    if (self?.idHash !== idHash) refuse('IDENTITY_MISMATCH');
    if (self.consent && !self.consent.withdrawnAt) refuse('ALREADY_VERIFIED');
    await residents.recordConsent(db, caller.residentId, consent);
    ctx.audit({
      event: 'consent.grant',
      subject: { residentId: caller.residentId },
      detail: { version: consent.version },
    });
    return out(caller.residentId, facts);
  }

  let residentId: string;
  const existing = await residents.findByIdHash(db, idHash);
  if (existing) {
    if (existing.userId && existing.userId !== userId) refuse('ID_ALREADY_REGISTERED');
    if (existing.name !== input.name) refuse('IDENTITY_MISMATCH');
    if (
      !existing.userId &&
      !(await residents.claim(db, existing._id, userId, { ...mobilePatch, ...place, consent }))
    )
      refuse('ID_ALREADY_REGISTERED');
    residentId = existing._id;
  } else {
    residentId = newId('res');
    try {
      await residents.create(db, {
        _id: residentId,
        name: input.name,
        idEnc: sealPii('id', facts.idNumber, maskIdNumber).enc,
        idHash,
        idMasked: maskIdNumber(facts.idNumber),
        birthDate: facts.birthDate,
        sex: facts.sex,
        regionCode: facts.regionCode,
        ...mobilePatch,
        ...place,
        userId,
        consent,
        tags: [],
        createdAt: now,
      });
    } catch (e) {
      // Two accounts verifying as the same person at once: the unique index lets one win.
      if (isDuplicateWrite(e)) refuse('ID_ALREADY_REGISTERED');
      throw e;
    }
  }
  await users.setResident(db, userId, residentId);
  ctx.audit({ event: 'consent.grant', subject: { residentId }, detail: { version: consent.version } });
  return out(residentId, facts);
};

const out = (residentId: string, facts: { idNumber: string; birthDate: string; sex: 'male' | 'female' }) => ({
  residentId,
  maskedIdNumber: maskIdNumber(facts.idNumber),
  birthDate: facts.birthDate,
  sex: facts.sex,
});
