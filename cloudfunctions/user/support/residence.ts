import type { TResidenceInput } from '@shared/api/user';
import type { RegionDoc } from '@shared/db/schemas/regions';
import * as regions from '../../_data/regions.repo';
import type { Database } from '../../_lib/db';
import { refuse } from '../../_lib/errors';

type Region = Pick<RegionDoc, '_id' | 'name' | 'level' | 'parentId'>;
const FIELDS = ['name', 'level', 'parentId'] as const;

/** What a resident record stores about where they live (teams are matched on villageId/gridId). */
export type ResidenceFields = { villageId: string; gridId?: string; address: string };
export type Residence = ResidenceFields & { placeName: string };

const nameAlong = async (db: Database, village: Region, grid: Region | undefined): Promise<string> => {
  const townshipId = village.parentId;
  const township = townshipId
    ? (await regions.findByIds(db, [townshipId], FIELDS)).get(townshipId)
    : undefined;
  return [township?.name, village.name, grid?.name].filter(Boolean).join(' ');
};

/** 城关街道 东门社区 (+ 第1网格): the township, village/community and grid names of a place (two reads). */
export async function placeNameOf(db: Database, villageId: string, gridId?: string): Promise<string> {
  const first = await regions.findByIds(db, [villageId, ...(gridId ? [gridId] : [])], FIELDS);
  const village = first.get(villageId);
  return village ? nameAlong(db, village, gridId ? first.get(gridId) : undefined) : '';
}

/**
 * Resolves a picked region (a village/community, or one of its grids) into what the resident
 * record stores; anything else (a district, a township, an unknown id) is REGION_NOT_FOUND.
 */
export async function resolveResidence(db: Database, input: TResidenceInput): Promise<Residence> {
  const picked = (await regions.findByIds(db, [input.regionId], FIELDS)).get(input.regionId);
  if (!picked || (picked.level !== 'village' && picked.level !== 'grid')) return refuse('REGION_NOT_FOUND');
  const grid = picked.level === 'grid' ? picked : undefined;
  const villageId = grid ? (grid.parentId ?? refuse('REGION_NOT_FOUND')) : picked._id;
  const village = grid ? (await regions.findByIds(db, [villageId], FIELDS)).get(villageId) : picked;
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
