import { COLLECTIONS } from '@shared/constants/collections';
import { isChild, isElderly } from '@shared/population/keyPopulations';
import type { Day } from '@shared/time';
import type { Database } from '../../_lib/db';

/** What signing needs to know about a resident: never the full ID number, only its mask. */
export type ResidentRecord = {
  residentId: string;
  name: string;
  maskedIdNumber: string;
  verified: boolean;
  gridId?: string;
  villageId?: string;
  householdId?: string;
  birthDate?: Day;
  storedTags: string[];
};

type ResidentDoc = {
  _id: string;
  name?: string;
  idMasked?: string;
  verified?: boolean;
  verifiedAt?: unknown;
  gridId?: string;
  villageId?: string;
  householdId?: string;
  birthDate?: Day;
  tags?: string[];
};

const TTL_MS = 60_000;
let gridCache: { at: number; map: Map<string, string> } | null = null;

/** Residents and their households, by named fields only (STYLE.md §8). */
export class ResidentRepository {
  constructor(private readonly db: Database) {}

  /** One resident, with the grid/village taken from their household when not on the record. */
  async byId(residentId: string): Promise<ResidentRecord | undefined> {
    const { data } = await this.db
      .collection(COLLECTIONS.residents)
      .doc(residentId)
      .field({
        name: true,
        idMasked: true,
        verified: true,
        gridId: true,
        villageId: true,
        householdId: true,
        birthDate: true,
        tags: true,
      })
      .get();
    const r = (data as ResidentDoc[])[0];
    if (!r) return undefined;
    let gridId = r.gridId;
    let villageId = r.villageId;
    if ((gridId === undefined || villageId === undefined) && r.householdId !== undefined) {
      const h = (
        await this.db
          .collection(COLLECTIONS.households)
          .doc(r.householdId)
          .field({ gridId: true, villageId: true })
          .get()
      ).data[0] as { gridId?: string; villageId?: string } | undefined;
      gridId ??= h?.gridId;
      villageId ??= h?.villageId;
    }
    if (villageId === undefined && gridId !== undefined) villageId = (await this.villageOfGrid()).get(gridId);
    return {
      residentId: r._id,
      name: r.name ?? '',
      maskedIdNumber: r.idMasked ?? '',
      // A resident record exists only after real-name verification unless marked otherwise.
      verified: r.verified !== false,
      ...(gridId !== undefined ? { gridId } : {}),
      ...(villageId !== undefined ? { villageId } : {}),
      ...(r.householdId !== undefined ? { householdId: r.householdId } : {}),
      ...(r.birthDate !== undefined ? { birthDate: r.birthDate } : {}),
      storedTags: r.tags ?? [],
    };
  }

  /** Grid → village/community, from the region tree (reference data, cached per instance). */
  private async villageOfGrid(nowMs: number = Date.now()): Promise<Map<string, string>> {
    if (gridCache && nowMs - gridCache.at < TTL_MS) return gridCache.map;
    const { data } = await this.db
      .collection(COLLECTIONS.regions)
      .where({ level: 'grid' })
      .field({ parentId: true })
      .limit(1000)
      .get();
    const map = new Map((data as { _id: string; parentId: string }[]).map((g) => [g._id, g.parentId]));
    gridCache = { at: nowMs, map };
    return map;
  }

  /** Names of several residents for lists (one request). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const _ = this.db.command;
    const { data } = await this.db
      .collection(COLLECTIONS.residents)
      .where({ _id: _.in([...new Set(ids)]) })
      .field({ name: true })
      .limit(1000)
      .get();
    return new Map((data as { _id: string; name?: string }[]).map((r) => [r._id, r.name ?? '']));
  }
}

/** Tags that decide package eligibility on a day: stored conditions plus age-derived ones. */
export const tagsOn = (r: ResidentRecord, day: Day): string[] => {
  const tags = new Set(r.storedTags);
  if (r.birthDate !== undefined) {
    if (isElderly({ birthDate: r.birthDate }, day)) tags.add('elderly');
    if (isChild({ birthDate: r.birthDate }, day)) tags.add('child');
  }
  return [...tags];
};
