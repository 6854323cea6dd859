import { COLLECTIONS } from '@shared/constants/collections';
import type { ServicePackageDoc } from '@shared/db/schemas/servicePackages';
import type { Database } from '../_lib/db';

/** Service packages (reference data, cached per instance like teams). */
const TTL_MS = 60_000;
let cache: { at: number; packages: ServicePackageDoc[] } | null = null;

/** Every package on offer. */
export async function all(db: Database, nowMs: number = Date.now()): Promise<ServicePackageDoc[]> {
  if (cache && nowMs - cache.at < TTL_MS) return cache.packages;
  const { data } = await db.collection(COLLECTIONS.servicePackages).limit(1000).get();
  const packages = (data as ServicePackageDoc[]).map((p) => ({
    ...p,
    eligibleTags: p.eligibleTags ?? [],
    services: p.services ?? [],
  }));
  cache = { at: nowMs, packages };
  return packages;
}

/** The packages with these ids, in the order asked; undefined if any is unknown. */
export async function pick(db: Database, ids: readonly string[]): Promise<ServicePackageDoc[] | undefined> {
  const packages = await all(db);
  const picked = ids.map((id) => packages.find((p) => p._id === id));
  return picked.every((p) => p !== undefined) ? (picked as ServicePackageDoc[]) : undefined;
}

/** Forgets the cache. */
export const resetCache = (): void => {
  cache = null;
};
