import { COLLECTIONS } from '@shared/constants/collections';
import type { RegionDoc } from '@shared/db/schemas/regions';
import type { Database } from '../_lib/db';
import { type Projected, project } from './fields';

/** Regions: the district tree (reference data; the grid → village map is cached per instance). */
const TTL_MS = 60_000;
let gridCache: { at: number; map: Map<string, string> } | null = null;

/** Selected fields of one region. */
export async function findById<K extends keyof RegionDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<RegionDoc, K> | undefined> {
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<RegionDoc, K> | undefined;
}

/** Grid → village/community, from the region tree (cached per instance for a minute). */
export async function villageOfGrid(db: Database, nowMs: number = Date.now()): Promise<Map<string, string>> {
  if (gridCache && nowMs - gridCache.at < TTL_MS) return gridCache.map;
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where({ level: 'grid' })
    .field({ parentId: true })
    .limit(1000)
    .get();
  const map = new Map((data as { _id: string; parentId: string }[]).map((g) => [g._id, g.parentId]));
  gridCache = { at: nowMs, map };
  return map;
}

/** Forgets the cache (tests that edit regions). */
export const resetCache = (): void => {
  gridCache = null;
};

// --- Residence picker and place names (issue 12, journeys) ---

/** Several regions by id with the chosen fields (one request; a place has at most four levels). */
export async function findByIds<K extends keyof RegionDoc>(
  db: Database,
  ids: readonly string[],
  fields: readonly K[],
): Promise<Map<string, Projected<RegionDoc, K>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where({ _id: db.command.in(unique) })
    .field(project(fields as readonly string[]))
    .limit(Math.min(1000, unique.length))
    .get();
  return new Map((data as Projected<RegionDoc, K>[]).map((r) => [r._id, r]));
}

/** One level of the tree: the districts, or the children of a region, in id order. */
export async function childrenOf(db: Database, parentId: string | undefined) {
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where(parentId === undefined ? { level: 'district' } : { parentId })
    .field({ name: true, level: true, parentId: true })
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  return data as Pick<RegionDoc, '_id' | 'name' | 'level' | 'parentId'>[];
}

// --- stats ---

/** A region and its direct children in one request (a district and its townships). */
export async function withChildren(
  db: Database,
  id: string,
): Promise<Pick<RegionDoc, '_id' | 'name' | 'level' | 'parentId'>[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where(_.or([{ _id: id }, { parentId: id }]))
    .field({ name: true, level: true, parentId: true })
    .limit(1000)
    .get();
  return data as Pick<RegionDoc, '_id' | 'name' | 'level' | 'parentId'>[];
}

/** The grids of some villages/communities, id, name and village (one request, ≤ 1000). */
export async function gridsOf(
  db: Database,
  villageIds: readonly string[],
): Promise<Pick<RegionDoc, '_id' | 'name' | 'parentId'>[]> {
  if (villageIds.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.regions)
    .where({ level: 'grid', parentId: db.command.in([...villageIds]) })
    .field({ name: true, parentId: true })
    .limit(1000)
    .get();
  return data as Pick<RegionDoc, '_id' | 'name' | 'parentId'>[];
}
