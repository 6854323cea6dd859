import { randomInt } from 'node:crypto';
import type { Target } from '@shared/api/authorize';
import type { createStaff, TCreateStaffInput } from '@shared/api/user';
import { COLLECTIONS } from '@shared/constants/collections';
import { BIND_CODE_TTL_MS } from '@shared/constants/limits';
import { maskMobile } from '@shared/identity';
import { type Database, inTransaction } from '../_lib/db';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { lookupHash, sealPii } from '../_lib/pii';
import { newId } from './ids';
import { gridInstitution, institutionScope, type StaffDoc, StaffRepo, teamScope } from './staff.repo';

type Placement = { institutionId: string; districtId: string; teamIds: string[]; gridIds: string[] };

/** Where the new account sits, from the team, grid or institution named (loaded, never trusted). */
async function placementOf(db: Database, input: TCreateStaffInput, ctx: HandlerContext): Promise<Placement> {
  if (input.role === 'doctor') {
    const team = (input.teamId && (await teamScope(db, input.teamId))) || refuse('TEAM_NOT_FOUND');
    return {
      institutionId: team.institutionId,
      districtId: team.districtId,
      teamIds: [team._id],
      gridIds: [],
    };
  }
  if (input.role === 'grid_worker') {
    const inst = (input.gridId && (await gridInstitution(db, input.gridId))) || refuse('NOT_FOUND');
    return {
      institutionId: inst._id,
      districtId: inst.districtId,
      teamIds: [],
      gridIds: [input.gridId as string],
    };
  }
  const instId = input.institutionId ?? ctx.caller.institutionId ?? refuse('NOT_FOUND');
  const inst = (await institutionScope(db, instId)) ?? refuse('NOT_FOUND');
  return { institutionId: inst._id, districtId: inst.districtId, teamIds: [], gridIds: [] };
}

/**
 * An institution admin creates doctors and grid workers of their institution; the district admin
 * also creates institution admins. The district admin role itself comes from configuration only.
 * The one-time bind code goes back once, in this answer; only its keyed hash is stored.
 */
export const createStaffHandler: Handler<typeof createStaff> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  if (input.role === 'district_admin') refuse('FORBIDDEN');
  if (input.role === 'institution_admin' && caller.role !== 'district_admin') refuse('FORBIDDEN');
  const place = await placementOf(db, input, ctx);
  const target: Target = { institutionId: place.institutionId, districtId: place.districtId };
  ctx.authorize(target);

  const staff = new StaffRepo(db);
  const mobile = sealPii('mobile', input.mobile, maskMobile);
  if (await staff.mobileTaken(mobile.hash)) refuse('STAFF_EXISTS');
  const staffId = newId('st');
  const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS);
  // A code clashing with another pending one (1 in a million per pending code) is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const bindCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const doc: Omit<StaffDoc, '_id'> = {
      name: input.name,
      role: input.role,
      ...(input.position ? { position: input.position } : {}),
      ...place,
      mobileEnc: mobile.enc,
      mobileHash: mobile.hash,
      mobileMasked: mobile.masked,
      openid: null,
      bindCodeHash: lookupHash('bind', bindCode),
      bindExpiresAt: expiresAt,
      createdBy: caller.userId,
      createdAt: now,
    };
    try {
      await writeStaff(db, staffId, doc, input);
    } catch (e) {
      if (!isDuplicateWrite(e)) throw e;
      if (await staff.mobileTaken(mobile.hash)) refuse('STAFF_EXISTS');
      continue;
    }
    ctx.audit({ event: 'staff.create', subject: { staffId }, detail: { role: input.role } });
    return { staffId, bindCode, bindCodeExpiresAt: expiresAt.toISOString() };
  }
  return refuse('CONFLICT');
};

/** The staff record and, for a doctor, their place in the team, in one transaction. */
async function writeStaff(
  db: Database,
  staffId: string,
  doc: Omit<StaffDoc, '_id'>,
  input: TCreateStaffInput,
) {
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.staff).doc(staffId).set(doc);
    if (input.role === 'doctor' && input.teamId) {
      const team = (await t.collection(COLLECTIONS.teams).doc(input.teamId).get()).data as {
        members?: unknown[];
      };
      const member = { staffId, name: input.name, role: input.position ?? 'gp', title: '' };
      await t
        .collection(COLLECTIONS.teams)
        .doc(input.teamId)
        .update({ members: [...(team.members ?? []), member] });
    }
  });
}
