import type { TResidenceInput } from '@shared/api/user';
import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from '../../_lib/db';
import { refuse } from '../../_lib/errors';

type RegionDoc = { _id: string; name: string; level: string; parentId: string | null; path?: string[] };

/** What a resident record stores about where they live (teams are matched on villageId/gridId). */
export type ResidenceFields = { villageId: string; gridId?: string; address: string };
export type Residence = ResidenceFields & { placeName: string };

/** Regions by id with the fields a residence needs (one request). */
async function regionsById(db: Database, ids: readonly string[]): Promise<Map<string, RegionDoc>> {
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where({ _id: db.command.in([...new Set(ids)]) })
    .field({ name: true, level: true, parentId: true, path: true })
    .limit(ids.length + 1)
    .get();
  return new Map((data as RegionDoc[]).map((r) => [r._id, r]));
}

/** 城关街道 东门社区 (+ 第1网格): the township, village/community and grid names of a place (two reads). */
export async function placeNameOf(db: Database, villageId: string, gridId?: string): Promise<string> {
  const first = await regionsById(db, [villageId, ...(gridId ? [gridId] : [])]);
  const village = first.get(villageId);
  if (!village) return '';
  return nameAlong(db, village, gridId ? first.get(gridId) : undefined);
}

const nameAlong = async (db: Database, village: RegionDoc, grid: RegionDoc | undefined): Promise<string> => {
  const townshipId = village.parentId;
  const township = townshipId ? (await regionsById(db, [townshipId])).get(townshipId) : undefined;
  return [township?.name, village.name, grid?.name].filter(Boolean).join(' ');
};

/**
 * Resolves a picked region (a village/community, or one of its grids) into what the resident
 * record stores; anything else (a district, a township, an unknown id) is REGION_NOT_FOUND.
 * Two reads: the region with its village (from its path), then the township for the place name.
 */
export async function resolveResidence(db: Database, input: TResidenceInput): Promise<Residence> {
  const picked = (await regionsById(db, [input.regionId])).get(input.regionId);
  if (!picked || (picked.level !== 'village' && picked.level !== 'grid')) return refuse('REGION_NOT_FOUND');
  const grid = picked.level === 'grid' ? picked : undefined;
  const villageId = grid ? (grid.parentId ?? refuse('REGION_NOT_FOUND')) : picked._id;
  const village = grid ? (await regionsById(db, [villageId])).get(villageId) : picked;
  if (!village) return refuse('REGION_NOT_FOUND');
  return {
    villageId,
    ...(grid ? { gridId: grid._id } : {}),
    address: input.address,
    placeName: await nameAlong(db, village, grid),
  };
}

/** The stored part of a residence (the place name is derived, never stored). */
export const residenceFields = (r: Residence): ResidenceFields => ({
  villageId: r.villageId,
  ...(r.gridId !== undefined ? { gridId: r.gridId } : {}),
  address: r.address,
});

/** One level of the region tree, in id order (reference data: a district has tens of villages). */
export async function childrenOf(db: Database, parentId: string | undefined): Promise<RegionDoc[]> {
  const where = parentId === undefined ? { level: 'district' } : { parentId };
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where(where)
    .field({ name: true, level: true, parentId: true })
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  return data as RegionDoc[];
}
