import { COLLECTIONS } from '@shared/constants/collections';
import type { StaffDoc } from '@shared/db/schemas/staff';
import type { Database, Tx } from '../_lib/db';
import { type Projected, project, txData } from './fields';

/** Staff accounts. Mobile and bind-code uniqueness are lock documents (locks.repo), not indexes. */
const coll = (db: Database) => db.collection(COLLECTIONS.staff);

/** Selected fields of one staff member. */
export async function findById<K extends keyof StaffDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<StaffDoc, K> | undefined> {
  const { data } = await coll(db)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<StaffDoc, K> | undefined;
}

/** The guard's view of a staff member: role, binding and scope. */
export const SCOPE_FIELDS = ['role', 'openid', 'teamIds', 'gridIds', 'institutionId', 'districtId'] as const;

/** True when a staff account with this mobile hash exists (an index look-up, outside transactions). */
export async function mobileTaken(db: Database, mobileHash: string): Promise<boolean> {
  const { total } = await coll(db).where({ mobileHash }).count();
  return (total ?? 0) > 0;
}

/** Reads one staff record inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<StaffDoc | undefined> {
  return txData<StaffDoc>((await t.collection(COLLECTIONS.staff).doc(id).get()).data);
}

/** Writes a new staff record inside a transaction. */
export async function createInTx(t: Tx, doc: StaffDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.staff).doc(_id).set(rest);
}

/** Patches a staff record inside a transaction. */
export async function updateInTx(t: Tx, id: string, patch: object): Promise<void> {
  await t.collection(COLLECTIONS.staff).doc(id).update(patch);
}

// --- Staff administration (issue 12, staffpages) ---

/** The 人员管理 list's fields: never the sealed mobile or the code hash. */
export const LIST_FIELDS = [
  'name',
  'role',
  'position',
  'teamIds',
  'gridIds',
  'mobileMasked',
  'openid',
  'bindExpiresAt',
  'createdAt',
] as const;
export type StaffListRow = Projected<StaffDoc, (typeof LIST_FIELDS)[number]>;

/** One page of an institution's staff, newest first (index institutionId_createdAt), and the total. */
export async function pageOfInstitution(
  db: Database,
  institutionId: string,
  offset: number,
  limit: number,
): Promise<{ rows: StaffListRow[]; total: number }> {
  const [page, count] = await Promise.all([
    coll(db)
      .where({ institutionId })
      .orderBy('createdAt', 'desc')
      .skip(offset)
      .limit(limit)
      .field(project(LIST_FIELDS))
      .get(),
    coll(db).where({ institutionId }).count(),
  ]);
  return { rows: page.data as StaffListRow[], total: count.total ?? 0 };
}

// --- stats ---

export type RosterStaff = Pick<
  StaffDoc,
  '_id' | 'name' | 'role' | 'position' | 'institutionId' | 'teamIds' | 'gridIds' | 'mobileMasked' | 'openid'
>;

/**
 * Staff for the roster (成员明细表): the members of some institutions and the grid workers of some
 * grids, masked mobile only. Bounded by staff, not population: pages of 1000 (a district has a few
 * thousand staff at most).
 */
export async function forRoster(
  db: Database,
  institutionIds: readonly string[],
  gridIds: readonly string[],
): Promise<RosterStaff[]> {
  const _ = db.command;
  const where = _.or([
    { institutionId: _.in([...institutionIds]) },
    { role: 'grid_worker', gridIds: _.in([...gridIds]) },
  ]);
  const out: RosterStaff[] = [];
  for (;;) {
    const { data } = await coll(db)
      .where(where)
      .field({
        name: true,
        role: true,
        position: true,
        institutionId: true,
        teamIds: true,
        gridIds: true,
        mobileMasked: true,
        openid: true,
      })
      .orderBy('_id', 'asc')
      .skip(out.length)
      .limit(1000)
      .get();
    out.push(...(data as RosterStaff[]));
    if (data.length < 1000) return out;
  }
}
