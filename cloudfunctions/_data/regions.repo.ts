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
