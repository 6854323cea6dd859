import { COLLECTIONS } from '@shared/constants/collections';
import type { InstitutionDoc } from '@shared/db/schemas/institutions';
import type { Database } from '../_lib/db';
import { type Projected, project } from './fields';
import * as regions from './regions.repo';

/** Institutions (reference data). */
const coll = (db: Database) => db.collection(COLLECTIONS.institutions);

/** Selected fields of one institution. */
export async function findById<K extends keyof InstitutionDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<InstitutionDoc, K> | undefined> {
  const { data } = await coll(db)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<InstitutionDoc, K> | undefined;
}

/** Names of every institution of the deployment (a district has a handful). */
export async function names(db: Database): Promise<Map<string, string>> {
  const { data } = await coll(db).field({ name: true }).limit(1000).get();
  return new Map((data as { _id: string; name: string }[]).map((i) => [i._id, i.name]));
}

/** Every institution with its district (the nightly rollup walks them; a deployment has dozens). */
export async function all(db: Database): Promise<Pick<InstitutionDoc, '_id' | 'districtId'>[]> {
  const { data } = await coll(db).field({ districtId: true }).limit(1000).get();
  return data as Pick<InstitutionDoc, '_id' | 'districtId'>[];
}

/** The institution serving a grid: the one of the grid's township (path = [district, township, village]). */
export async function servingGrid(
  db: Database,
  gridId: string,
): Promise<Pick<InstitutionDoc, '_id' | 'districtId'> | undefined> {
  const grid = await regions.findById(db, gridId, ['level', 'path']);
  if (grid?.level !== 'grid') return undefined;
  const { data } = await coll(db)
    .where({ townshipId: grid.path[1] })
    .field({ _id: true, districtId: true })
    .limit(1)
    .get();
  return data[0] as Pick<InstitutionDoc, '_id' | 'districtId'> | undefined;
}

// --- Contact phones (issue 12, journeys) ---

/** Institution id → public phone, for "how to reach my team" (reference data, one request). */
export async function phones(db: Database): Promise<Map<string, string>> {
  const { data } = await coll(db).field({ phone: true }).limit(1000).get();
  return new Map(
    (data as { _id: string; phone?: string }[]).flatMap((i) => (i.phone ? [[i._id, i.phone]] : [])),
  );
}

// stats ------------------------------------------------------------------------------------------

/** Institutions of a district or a township (a district has dozens: one request, ≤ 1000). */
export async function inRegion(
  db: Database,
  where: { districtId: string } | { townshipId: string },
): Promise<Pick<InstitutionDoc, '_id' | 'name' | 'townshipId'>[]> {
  const { data } = await coll(db).where(where).field({ name: true, townshipId: true }).limit(1000).get();
  return data as Pick<InstitutionDoc, '_id' | 'name' | 'townshipId'>[];
}
