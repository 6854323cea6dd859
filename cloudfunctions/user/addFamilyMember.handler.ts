import type { addFamilyMember } from '@shared/api/user';
import { FAMILY_MAX } from '@shared/constants/limits';
import { CURRENT_PRIVACY_VERSION } from '@shared/constants/privacy';
import { maskIdNumber, maskMobile, parseIdNumber } from '@shared/identity';
import * as familyRequests from '../_data/familyRequests.repo';
import * as residents from '../_data/residents.repo';
import * as users from '../_data/users.repo';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { sealPii } from '../_lib/pii';
import { searchKeysFor } from '../_lib/residentSearch';
import { FAMILY_VIEW_FIELDS, familyView } from './support/family.view';
import { newId } from './support/ids';
import { residenceFields, resolveResidence } from './support/residence';

/**
 * A verified resident adds a child or elderly parent to act for (sign, book, read records). The
 * person is found by ID hash (a record may exist from a grid registration) or created with the
 * adder's consent on their behalf; adding them is itself recorded as a proxy act. Someone who
 * has an account of their own is never linked here: they get a request to accept in their app.
 */
export const addFamilyMemberHandler: Handler<typeof addFamilyMember> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  if (!caller.residentId) refuse('NOT_VERIFIED');
  const parsed = parseIdNumber(input.idNumber, now);
  if (!parsed.ok) refuse(parsed.code);
  const facts = parsed.value;
  const family = await users.familyOf(db, userId);
  const place = input.residence ? residenceFields(await resolveResidence(db, input.residence)) : undefined;

  const id = sealPii('id', facts.idNumber, maskIdNumber);
  let residentId: string;
  const existing = await residents.findByIdHash(db, id.hash);
  if (existing) {
    // The same tap retried (same request id): answer with the member it added, not an error.
    const again = family.find((f) => f.residentId === existing._id);
    if (again && input.requestId !== undefined && again.requestId === input.requestId) {
      const doc = await residents.findById(db, existing._id, FAMILY_VIEW_FIELDS);
      if (doc) return familyView(doc, again.relation, now);
    }
    if (existing._id === caller.residentId || again) refuse('FAMILY_MEMBER_EXISTS');
    if (family.length >= FAMILY_MAX) refuse('FAMILY_LIMIT');
    if (existing.name !== input.name) refuse('IDENTITY_MISMATCH');
    // A person with an account of their own decides who acts for them (issue 11): knowing their
    // name and ID number is not enough. The request waits in their app; nothing is linked yet.
    if (existing.userId && existing.userId !== userId) {
      await familyRequests.ask(db, {
        _id: familyRequests.familyRequestId(userId, existing._id),
        requesterUserId: userId,
        requesterName: (await residents.nameOf(db, caller.residentId)) ?? '',
        residentId: existing._id,
        relation: input.relation,
        status: 'pending',
        createdAt: now,
      });
      ctx.audit({ event: 'proxy.request', subject: { residentId: existing._id } });
      refuse('FAMILY_APPROVAL_PENDING');
    }
    residentId = existing._id;
    // A record from a grid registration keeps its place; one without a place takes the given one.
    if (place) {
      const known = await residents.findById(db, existing._id, ['villageId']);
      if (!known?.villageId) await residents.setResidence(db, existing._id, place);
    }
  } else {
    if (family.length >= FAMILY_MAX) refuse('FAMILY_LIMIT');
    residentId = newId('res');
    const mobile = input.mobile ? sealPii('mobile', input.mobile, maskMobile) : undefined;
    try {
      await residents.create(db, {
        _id: residentId,
        name: input.name,
        idEnc: id.enc,
        idHash: id.hash,
        idMasked: id.masked,
        birthDate: facts.birthDate,
        sex: facts.sex,
        regionCode: facts.regionCode,
        ...(place ?? {}),
        ...(mobile ? { mobileEnc: mobile.enc, mobileHash: mobile.hash, mobileMasked: mobile.masked } : {}),
        searchKeys: searchKeysFor({ name: input.name, idNumber: facts.idNumber, mobile: input.mobile }),
        consent: { version: CURRENT_PRIVACY_VERSION, at: now, byUserId: userId },
        tags: [],
        createdAt: now,
      });
    } catch (e) {
      // Someone registered the same person a moment ago: let the member be added on retry.
      if (isDuplicateWrite(e)) refuse('CONFLICT');
      throw e;
    }
  }
  await users.addFamily(db, userId, {
    residentId,
    relation: input.relation,
    ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
  });
  ctx.audit({ event: 'proxy.act', subject: { residentId }, detail: { relation: input.relation } });
  ctx.audit({
    event: 'consent.grant',
    subject: { residentId },
    detail: { version: CURRENT_PRIVACY_VERSION },
  });
  return familyView(
    {
      _id: residentId,
      name: input.name,
      idMasked: id.masked,
      birthDate: facts.birthDate,
      tags: [],
      ...(place ? { villageId: place.villageId } : {}),
    },
    input.relation,
    now,
  );
};
