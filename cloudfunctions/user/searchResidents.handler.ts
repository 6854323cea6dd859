import type { searchResidents, TResidentMatch } from '@shared/api/user';
import { COLLECTIONS } from '@shared/constants/collections';
import type { ResidentDoc } from '@shared/db/schemas/residents';
import { ageOn, shanghaiDay } from '@shared/time';
import * as institutions from '../_data/institutions.repo';
import * as regions from '../_data/regions.repo';
import * as teams from '../_data/teams.repo';
import type { Database } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { searchKey } from '../_lib/residentSearch';

/** At most this many matches: a name + 4 characters names a handful of people at most. */
const MAX_MATCHES = 20;

type Area = { villageIds: string[]; gridIds: string[] };

/**
 * The villages and grids the caller serves, from stored records: a doctor's teams' service areas
 * (the directory, cached), an institution admin's institution's teams, a grid worker's grids. Each
 * team or grid is authorised before its area is used.
 */
async function areaOf(ctx: HandlerContext): Promise<Area> {
  const { caller, db } = ctx;
  if (caller.role === 'grid_worker') {
    for (const gridId of caller.gridIds ?? []) ctx.authorize({ gridId });
    return { villageIds: [], gridIds: [...(caller.gridIds ?? [])] };
  }
  const dir = await teams.directory(db);
  let served: teams.TeamRecord[];
  if (caller.role === 'institution_admin') {
    const instId = caller.institutionId ?? refuse('OUT_OF_SCOPE');
    const inst = (await institutions.findById(db, instId, ['districtId'])) ?? refuse('OUT_OF_SCOPE');
    ctx.authorize({ institutionId: inst._id, districtId: inst.districtId });
    served = [...dir.values()].filter((t) => t.institutionId === inst._id);
  } else {
    served = (caller.teamIds ?? []).flatMap((id) => {
      const t = dir.get(id);
      return t ? [t] : [];
    });
    for (const t of served)
      ctx.authorize({
        teamId: t.teamId,
        institutionId: t.institutionId,
        ...(t.districtId !== undefined ? { districtId: t.districtId } : {}),
      });
  }
  const villageIds = [...new Set(served.flatMap((t) => t.serviceArea))];
  // Residents registered by grid before their village was recorded carry only the grid.
  const villageOf = await regions.villageOfGrid(db);
  const gridIds = [...villageOf].filter(([, v]) => villageIds.includes(v)).map(([g]) => g);
  return { villageIds, gridIds };
}

type Row = Pick<ResidentDoc, '_id' | 'name' | 'idMasked' | 'mobileMasked' | 'birthDate' | 'sex'> & {
  villageId?: string;
  gridId?: string;
};

/** Township + village names of the matches' villages (two requests for the whole page). */
async function placeNames(db: Database, villageIds: string[]): Promise<Map<string, string>> {
  if (villageIds.length === 0) return new Map();
  const villages = await regions.findByIds(db, villageIds, ['name', 'parentId']);
  const townshipIds = [...new Set([...villages.values()].flatMap((v) => (v.parentId ? [v.parentId] : [])))];
  const townships = townshipIds.length ? await regions.findByIds(db, townshipIds, ['name']) : new Map();
  return new Map(
    [...villages].map(([id, v]) => [
      id,
      [v.parentId ? townships.get(v.parentId)?.name : undefined, v.name].filter(Boolean).join(' '),
    ]),
  );
}

/**
 * Assisted signing's resident search (issue 12): name + last 4 of ID or mobile, matched by the
 * keyed hash in `residents.searchKeys` (one indexed query), narrowed in the query to the caller's
 * service area and checked again on the stored fields. Only masked values leave; the inputs are
 * neither logged nor audited, only that a search happened and how many it found.
 */
export const searchResidentsHandler: Handler<typeof searchResidents> = async ({ ctx, input }) => {
  const { db, now } = ctx;
  const area = await areaOf(ctx);
  const inArea = (r: Row) =>
    (r.villageId !== undefined && area.villageIds.includes(r.villageId)) ||
    (r.gridId !== undefined && area.gridIds.includes(r.gridId));
  let rows: Row[] = [];
  if (area.villageIds.length + area.gridIds.length > 0) {
    const _ = db.command;
    const where: object[] = [];
    if (area.villageIds.length) where.push({ villageId: _.in(area.villageIds) });
    if (area.gridIds.length) where.push({ gridId: _.in(area.gridIds) });
    const { data } = await db
      .collection(COLLECTIONS.residents)
      .where(_.and([{ searchKeys: searchKey(input.name, input.tail) }, _.or(where)]))
      .field({
        name: true,
        idMasked: true,
        mobileMasked: true,
        birthDate: true,
        sex: true,
        villageId: true,
        gridId: true,
      })
      .limit(MAX_MATCHES)
      .get();
    rows = (data as Row[]).filter(inArea);
  }
  const villageOf = rows.some((r) => !r.villageId) ? await regions.villageOfGrid(db) : new Map();
  const villageIdOf = (r: Row) => r.villageId ?? (r.gridId ? villageOf.get(r.gridId) : undefined);
  const names = await placeNames(db, [
    ...new Set(rows.flatMap((r) => (villageIdOf(r) ? [villageIdOf(r) as string] : []))),
  ]);
  const today = shanghaiDay(now);
  ctx.audit({ event: 'resident.search', detail: { matches: String(rows.length) } });
  const residents: TResidentMatch[] = rows.map((r) => {
    const place = names.get(villageIdOf(r) ?? '');
    return {
      residentId: r._id,
      name: r.name,
      maskedIdNumber: r.idMasked,
      ...(r.mobileMasked ? { maskedMobile: r.mobileMasked } : {}),
      age: ageOn(r.birthDate, today),
      sex: r.sex,
      ...(place ? { placeName: place } : {}),
    };
  });
  return { residents };
};
