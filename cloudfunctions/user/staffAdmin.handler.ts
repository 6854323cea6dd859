import { randomInt } from 'node:crypto';
import type { Target } from '@shared/api/authorize';
import type { listStaff, reissueBindCode, TStaffView } from '@shared/api/user';
import { BIND_CODE_TTL_MS } from '@shared/constants/limits';
import { lockId } from '@shared/db/schemas/locks';
import * as institutions from '../_data/institutions.repo';
import * as locks from '../_data/locks.repo';
import * as regions from '../_data/regions.repo';
import * as staff from '../_data/staff.repo';
import * as teams from '../_data/teams.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { lookupHash } from '../_lib/pii';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN');

/**
 * 人员管理 (issue 12): one institution's staff, a page at a time, masked (no mobile, no code), and
 * the teams and grids a new account can be placed in. The institution is read from its stored
 * record and authorised (its own admin, or the admin of its district); a district admin who names
 * no institution gets the district's institutions to choose from.
 */
export const listStaffHandler: Handler<typeof listStaff> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const district =
    caller.role === 'district_admin' && caller.districtId
      ? (await institutions.inRegion(db, { districtId: caller.districtId }))
          .map((i) => ({ id: i._id, name: i.name }))
          .sort(byName)
      : [];
  const instId = input.institutionId ?? caller.institutionId;
  if (!instId) {
    if (caller.districtId) ctx.authorize({ districtId: caller.districtId });
    return { staff: [], total: 0, teams: [], grids: [], institutions: district };
  }
  const inst = (await institutions.findById(db, instId, ['name', 'districtId'])) ?? refuse('NOT_FOUND');
  ctx.authorize({ institutionId: inst._id, districtId: inst.districtId });

  const [page, dir, villageOf] = await Promise.all([
    staff.pageOfInstitution(db, inst._id, input.offset, input.limit),
    teams.directory(db),
    regions.villageOfGrid(db),
  ]);
  const own = [...dir.values()].filter((t) => t.institutionId === inst._id);
  const villages = new Set(own.flatMap((t) => t.serviceArea));
  const offeredGrids = [...villageOf].filter(([, v]) => villages.has(v)).map(([g]) => g);
  const gridNames = await regions.findByIds(
    db,
    [...offeredGrids, ...page.rows.flatMap((s) => s.gridIds ?? [])],
    ['name', 'parentId'],
  );
  const villageNames = await regions.findByIds(db, [...villages], ['name']);
  const gridLabel = (g: string) => {
    const r = gridNames.get(g);
    const v = villageOf.get(g);
    return [v ? villageNames.get(v)?.name : undefined, r?.name ?? g].filter(Boolean).join(' ');
  };
  const rows: TStaffView[] = page.rows.map((s) => {
    const expires = s.bindExpiresAt ? new Date(s.bindExpiresAt) : undefined;
    const bound = Boolean(s.openid);
    return {
      staffId: s._id,
      name: s.name,
      role: s.role,
      ...(s.position ? { position: s.position } : {}),
      teamNames: (s.teamIds ?? []).map((id) => dir.get(id)?.name ?? id),
      gridNames: (s.gridIds ?? []).map(gridLabel),
      ...(s.mobileMasked ? { maskedMobile: s.mobileMasked } : {}),
      bound,
      ...(!bound && expires && expires.getTime() > now.getTime()
        ? { bindCodeExpiresAt: expires.toISOString() }
        : {}),
    };
  });
  return {
    institutionId: inst._id,
    institutionName: inst.name,
    staff: rows,
    total: page.total,
    teams: own.map((t) => ({ id: t.teamId, name: t.name })).sort(byName),
    grids: offeredGrids.map((g) => ({ id: g, name: gridLabel(g) })).sort(byName),
    institutions: district,
  };
};

/**
 * A new one-time code for an account nobody has bound yet (the first was lost or expired). One
 * transaction takes the new code's lock, frees the old one and stores the new hash, so the old
 * code stops working the moment the new one exists. Only an institution admin's own staff (the
 * district admin: any of the district, including institution admins). Audited.
 */
export const reissueBindCodeHandler: Handler<typeof reissueBindCode> = async ({ ctx, input }) => {
  const { caller, db, now } = ctx;
  const s =
    (await staff.findById(db, input.staffId, ['institutionId', 'districtId', 'openid', 'role'])) ??
    refuse('NOT_FOUND');
  const target: Target = {
    ...(s.institutionId !== undefined ? { institutionId: s.institutionId } : {}),
    ...(s.districtId !== undefined ? { districtId: s.districtId } : {}),
  };
  ctx.authorize(target);
  if (s.role === 'district_admin') refuse('FORBIDDEN');
  if (s.role === 'institution_admin' && caller.role !== 'district_admin') refuse('FORBIDDEN');
  if (s.openid) refuse('STAFF_ALREADY_BOUND');
  const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS);
  for (let attempt = 0; attempt < 3; attempt++) {
    const bindCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const codeHash = lookupHash('bind', bindCode);
    const issued = await inTransaction(db, async (t) => {
      const cur = (await staff.getInTx(t, s._id)) ?? refuse('NOT_FOUND');
      if (cur.openid) refuse('STAFF_ALREADY_BOUND');
      const lock = await locks.acquireInTx(
        t,
        lockId.bindCode(codeHash),
        { kind: 'bindCode', holder: s._id, now, expiresAt },
        (held) => held.expiresAt === undefined || new Date(held.expiresAt).getTime() <= now.getTime(),
      );
      if (!lock.acquired) return false;
      if (cur.bindCodeHash && cur.bindCodeHash !== codeHash)
        await locks.releaseInTx(t, lockId.bindCode(cur.bindCodeHash), s._id);
      await staff.updateInTx(t, s._id, { bindCodeHash: codeHash, bindExpiresAt: expiresAt });
      return true;
    });
    if (!issued) continue;
    ctx.audit({ event: 'staff.reissue', subject: { staffId: s._id } });
    return { staffId: s._id, bindCode, bindCodeExpiresAt: expiresAt.toISOString() };
  }
  return refuse('CONFLICT');
};
