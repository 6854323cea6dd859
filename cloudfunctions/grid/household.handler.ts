import type { OutputOf } from '@shared/api/define';
import type {
  addMember,
  gridOverview,
  moveOut,
  registerHousehold,
  TMemberView,
  updateMember,
} from '@shared/api/grid';
import type { StoredTag } from '@shared/constants/tags';
import type { HouseholdDoc } from '@shared/db/schemas/households';
import { maskIdNumber, maskMobile, parseIdNumber } from '@shared/identity';
import { keyPopulationsAt } from '@shared/population';
import { shanghaiDay } from '@shared/time';
import * as households from '../_data/households.repo';
import { inTransaction } from '../_lib/db';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { sealPii } from '../_lib/pii';
import { searchKeysFor } from '../_lib/residentSearch';
import { householdCard, loadHousehold, residentsColl } from './support/common';
import { newPlateToken, requestDocId } from './support/ids';
import { gridPlace, memberById, residentByIdHash, residentsOfGrid, signedResidents } from './support/lookups';
import { createReport } from './support/reporting';
import { memberView } from './support/views';

type MemberInput = {
  name: string;
  idNumber: string;
  mobile?: string | undefined;
  relation: NonNullable<TMemberView['relation']>;
  tags: StoredTag[];
};

/**
 * Adds one person to a household. The keyed ID hash finds a person already on record, so nobody
 * is registered twice: a record without a household joins this one, one already here is shown
 * (this is also what a resend of the same request finds), one in another household is shown and
 * left where it is.
 */
async function addOne(ctx: HandlerContext, h: HouseholdDoc, m: MemberInput, requestId: string) {
  const { db, now } = ctx;
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  const parsed = parseIdNumber(m.idNumber, now);
  if (!parsed.ok) refuse(parsed.code);
  const facts = parsed.value;
  const id = sealPii('id', facts.idNumber, maskIdNumber);
  const place = {
    householdId: h._id,
    gridId: h.gridId,
    villageId: h.villageId,
    districtId: h.districtId,
    ...(h.institutionId ? { institutionId: h.institutionId } : {}),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await residentByIdHash(db, id.hash);
    if (existing) {
      if (existing.name !== m.name) refuse('IDENTITY_MISMATCH');
      const signed = (await signedResidents(db, [existing._id], now)).has(existing._id);
      if (existing.householdId === h._id && !existing.movedOutAt)
        return { outcome: 'existing' as const, member: memberView(existing, signed, now) };
      if (existing.householdId && !existing.movedOutAt)
        return { outcome: 'elsewhere' as const, member: memberView(existing, signed, now) };
      // On record without a household (self-verified, added by family, or moved out): joins this one.
      const _ = db.command;
      await residentsColl(ctx)
        .doc(existing._id)
        .update({ ...place, relation: m.relation, movedOutAt: _.remove(), updatedAt: now });
      ctx.audit({
        event: 'grid.member.write',
        subject: { residentId: existing._id },
        detail: { how: 'link' },
      });
      const joined = { ...existing, ...place, relation: m.relation, movedOutAt: undefined };
      return { outcome: 'linked' as const, member: memberView(joined, signed, now) };
    }
    const residentId = requestDocId('res', userId, requestId);
    const mobile = m.mobile ? sealPii('mobile', m.mobile, maskMobile) : undefined;
    const doc = {
      name: m.name,
      idEnc: id.enc,
      idHash: id.hash,
      idMasked: id.masked,
      birthDate: facts.birthDate,
      sex: facts.sex,
      regionCode: facts.regionCode,
      ...(mobile ? { mobileEnc: mobile.enc, mobileHash: mobile.hash, mobileMasked: mobile.masked } : {}),
      searchKeys: searchKeysFor({ name: m.name, idNumber: facts.idNumber, mobile: m.mobile }),
      tags: m.tags,
      relation: m.relation,
      ...place,
      registeredBy: { userId, at: now },
      createdAt: now,
    };
    try {
      await residentsColl(ctx).add({ _id: residentId, ...doc });
    } catch (e) {
      // The same person registered a moment ago (another worker, or this request's twin): read again.
      if (isDuplicateWrite(e)) continue;
      throw e;
    }
    ctx.audit({ event: 'grid.member.write', subject: { residentId }, detail: { how: 'create' } });
    return {
      outcome: 'created' as const,
      member: memberView({ _id: residentId, ...doc }, false, now),
    };
  }
  return refuse('BUSY');
}

export const registerHouseholdHandler: Handler<typeof registerHousehold> = async ({ ctx, input }) => {
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  const place = (await gridPlace(ctx.db, input.gridId)) ?? refuse('NOT_FOUND');
  ctx.authorize({ gridId: place.gridId, districtId: place.districtId });
  const householdId = requestDocId('hh', userId, input.requestId);
  const h = await inTransaction(ctx.db, async (t) => {
    const cur = await households.getInTx(t, householdId);
    if (cur) return cur;
    const doc: HouseholdDoc = {
      _id: householdId,
      address: input.address,
      gridId: place.gridId,
      villageId: place.villageId,
      ...(place.teamId ? { teamId: place.teamId } : {}),
      ...(place.institutionId ? { institutionId: place.institutionId } : {}),
      districtId: place.districtId,
      // Every household has a code from the start (the unique index admits one without); the
      // plate is printed on the next sheet.
      qrToken: newPlateToken(),
      qrIssuedAt: ctx.now,
      revokedQrTokens: [],
      registeredByUserId: userId,
      createdAt: ctx.now,
    };
    await households.createInTx(t, doc);
    return doc;
  });
  const members = [];
  for (const [i, m] of input.members.entries())
    members.push(await addOne(ctx, h, m, `${input.requestId}-m${i}`));
  return { card: await householdCard(ctx, h), members };
};

export const addMemberHandler: Handler<typeof addMember> = async ({ ctx, input }) => {
  const h = await loadHousehold(ctx, input.householdId);
  return addOne(ctx, h, input, input.requestId);
};

export const updateMemberHandler: Handler<typeof updateMember> = async ({ ctx, input }) => {
  const m = (await memberById(ctx.db, input.residentId)) ?? refuse('NOT_FOUND');
  if (!m.gridId) refuse('OUT_OF_SCOPE');
  ctx.authorize({ gridId: m.gridId });
  const patch: Record<string, unknown> = { updatedAt: ctx.now };
  if (input.mobile) {
    const s = sealPii('mobile', input.mobile, maskMobile);
    Object.assign(patch, { mobileEnc: s.enc, mobileHash: s.hash, mobileMasked: s.masked });
  }
  if (input.relation) patch.relation = input.relation;
  if (input.tags) patch.tags = ctx.db.command.set(input.tags);
  await residentsColl(ctx).doc(m._id).update(patch);
  ctx.audit({
    event: 'grid.member.write',
    subject: { residentId: m._id },
    fields: Object.keys(patch).filter((k) => k !== 'updatedAt'),
  });
  const next = {
    ...m,
    ...(input.relation ? { relation: input.relation } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
  };
  const signed = (await signedResidents(ctx.db, [m._id], ctx.now)).has(m._id);
  return memberView(next as typeof m, signed, ctx.now);
};

export const moveOutHandler: Handler<typeof moveOut> = async ({ ctx, input }) => {
  const m = (await memberById(ctx.db, input.residentId)) ?? refuse('NOT_FOUND');
  if (!m.householdId) refuse('NOT_FOUND');
  const h = await loadHousehold(ctx, m.householdId);
  return createReport(ctx, h, {
    requestId: input.requestId,
    kind: 'moved_out',
    residentId: m._id,
    ...(input.note ? { note: input.note } : {}),
  });
};

export const gridOverviewHandler: Handler<typeof gridOverview> = async ({ ctx, input }) => {
  const gridId = input.gridId ?? ctx.caller.gridIds?.[0] ?? refuse('NOT_FOUND');
  const place = (await gridPlace(ctx.db, gridId)) ?? refuse('NOT_FOUND');
  ctx.authorize({ gridId: place.gridId, districtId: place.districtId });
  const [hs, people] = await Promise.all([
    households.listByGrid(ctx.db, gridId, { limit: 1000 }),
    residentsOfGrid(ctx.db, gridId),
  ]);
  const present = people.filter((p) => !p.movedOutAt && p.householdId);
  const signed = await signedResidents(
    ctx.db,
    present.map((p) => p._id),
    ctx.now,
  );
  const today = shanghaiDay(ctx.now);
  const address = new Map(hs.map((h) => [h._id, h.address]));
  const byHousehold = new Map<string, { members: number; signed: number; todo: number }>();
  const todo: OutputOf<typeof gridOverview>['todo'] = [];
  let keyPopulation = 0;
  for (const p of present) {
    const row = byHousehold.get(p.householdId as string) ?? { members: 0, signed: 0, todo: 0 };
    row.members++;
    const isSigned = signed.has(p._id);
    if (isSigned) row.signed++;
    const key =
      keyPopulationsAt(
        {
          _id: p._id,
          birthDate: p.birthDate,
          sex: p.sex,
          tags: p.tags ?? [],
          pregnancies: p.pregnancies ?? [],
        },
        today,
      ).length > 0;
    if (key) keyPopulation++;
    if (key && !isSigned) {
      row.todo++;
      todo.push({
        ...memberView(p, false, ctx.now),
        householdId: p.householdId as string,
        address: address.get(p.householdId as string) ?? '',
      });
    }
    byHousehold.set(p.householdId as string, row);
  }
  return {
    gridId,
    gridName: place.gridName,
    households: hs.map((h) => ({
      householdId: h._id,
      address: h.address,
      ...(byHousehold.get(h._id) ?? { members: 0, signed: 0, todo: 0 }),
    })),
    todo: todo.sort((a, b) => a.address.localeCompare(b.address, 'zh')),
    totals: {
      households: hs.length,
      residents: present.length,
      signed: signed.size,
      keyPopulation,
      keyUnsigned: todo.length,
    },
  };
};
