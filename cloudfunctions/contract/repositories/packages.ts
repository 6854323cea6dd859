import { COLLECTIONS } from '@shared/constants/collections';
import type { TServicePackage } from '@shared/fees/packages';
import type { Database } from '../../_lib/db';

const TTL_MS = 60_000;
let cache: { at: number; packages: TServicePackage[] } | null = null;

/** Service packages (reference data, cached per instance like teams). */
export class PackageRepository {
  constructor(private readonly db: Database) {}

  /** Every package on offer. */
  async all(nowMs: number = Date.now()): Promise<TServicePackage[]> {
    if (cache && nowMs - cache.at < TTL_MS) return cache.packages;
    const { data } = await this.db.collection(COLLECTIONS.servicePackages).limit(1000).get();
    const packages = (data as TServicePackage[]).map((p) => ({
      ...p,
      eligibleTags: p.eligibleTags ?? [],
      services: p.services ?? [],
    }));
    cache = { at: nowMs, packages };
    return packages;
  }

  /** The packages with these ids, in the order asked; undefined if any is unknown. */
  async pick(ids: readonly string[]): Promise<TServicePackage[] | undefined> {
    const all = await this.all();
    const picked = ids.map((id) => all.find((p) => p._id === id));
    return picked.every((p) => p !== undefined) ? (picked as TServicePackage[]) : undefined;
  }

  /** Forgets the cache. */
  static reset(): void {
    cache = null;
  }
}
