import { COLLECTIONS } from '@shared/constants/collections';
import type { HouseholdDoc } from '@shared/db/schemas/households';
import type { Database } from '../_lib/db';
import { type Projected, project } from './fields';

/** Households (door plates registered by grid workers). */
export async function findById<K extends keyof HouseholdDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<HouseholdDoc, K> | undefined> {
  const { data } = await db
    .collection(COLLECTIONS.households)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<HouseholdDoc, K> | undefined;
}
