import { randomInt } from 'node:crypto';
import type { Target } from '@shared/api/authorize';
import type { createStaff, TCreateStaffInput } from '@shared/api/user';
import { BIND_CODE_TTL_MS } from '@shared/constants/limits';
import { lockId } from '@shared/db/schemas/locks';
import type { StaffDoc } from '@shared/db/schemas/staff';
import { maskMobile } from '@shared/identity';
import * as institutions from '../_data/institutions.repo';
import * as locks from '../_data/locks.repo';
import * as staff from '../_data/staff.repo';
import * as teams from '../_data/teams.repo';
import { type Database, inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { lookupHash, sealPii } from '../_lib/pii';
import { newId } from './support/ids';

type Placement = { institutionId: string; districtId: string; teamIds: string[]; gridIds: string[] };

/** Where the new account sits, from the team, grid or institution named (loaded, never trusted). */
async function placementOf(db: Database, input: TCreateStaffInput, ctx: HandlerContext): Promise<Placement> {
  if (input.role === 'doctor') {
    const team =
      (input.teamId && (await teams.findById(db, input.teamId, ['institutionId', 'districtId']))) ||
      refuse('TEAM_NOT_FOUND');
    return {
      institutionId: team.institutionId,
      districtId: team.districtId ?? '',
      teamIds: [team._id],
      gridIds: [],
    };
  }
  if (input.role === 'grid_worker') {
    const inst = (input.gridId && (await institutions.servingGrid(db, input.gridId))) || refuse('NOT_FOUND');
    return {
      institutionId: inst._id,
      districtId: inst.districtId,
      teamIds: [],
      gridIds: [input.gridId as string],
    };
  }
  const instId = input.institutionId ?? ctx.caller.institutionId ?? refuse('NOT_FOUND');
  const inst = (await institutions.findById(db, instId, ['districtId'])) ?? refuse('NOT_FOUND');
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

  const mobile = sealPii('mobile', input.mobile, maskMobile);
  // Staff written before mobile locks existed are found by the index; the lock decides races.
  if (await staff.mobileTaken(db, mobile.hash)) refuse('STAFF_EXISTS');
  const staffId = newId('st');
  const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS);
  // A code clashing with another live one (1 in a million per pending code) is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const bindCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const doc: StaffDoc = {
      _id: staffId,
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
      ...(caller.userId ? { createdBy: caller.userId } : {}),
      createdAt: now,
    };
    if (!(await writeStaff(db, doc, input, now))) continue;
    ctx.audit({ event: 'staff.create', subject: { staffId }, detail: { role: input.role } });
    return { staffId, bindCode, bindCodeExpiresAt: expiresAt.toISOString() };
  }
  return refuse('CONFLICT');
};

/**
 * One transaction: the mobile lock (one account per number), the bind-code lock (a live code
 * points at one account), the staff record and, for a doctor, their place in the team. The team
 * document is written last, so concurrent creations for one team hold it only for the commit.
 * False when the bind code clashed with a live one (draw another).
 */
async function writeStaff(
  db: Database,
  doc: StaffDoc,
  input: TCreateStaffInput,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const mobileLock = await locks.acquireInTx(t, lockId.staffMobile(doc.mobileHash ?? ''), {
      kind: 'staffMobile',
      holder: doc._id,
      now,
    });
    if (!mobileLock.acquired) refuse('STAFF_EXISTS');
    const codeLock = await locks.acquireInTx(
      t,
      lockId.bindCode(doc.bindCodeHash ?? ''),
      {
        kind: 'bindCode',
        holder: doc._id,
        now,
        ...(doc.bindExpiresAt ? { expiresAt: doc.bindExpiresAt } : {}),
      },
      (held) => held.expiresAt === undefined || new Date(held.expiresAt).getTime() <= now.getTime(),
    );
    if (!codeLock.acquired) return false;
    await staff.createInTx(t, doc);
    if (input.role === 'doctor' && input.teamId)
      await teams.addMemberInTx(t, input.teamId, {
        staffId: doc._id,
        name: input.name,
        role: input.position ?? 'gp',
        title: '',
      });
    return true;
  });
}
