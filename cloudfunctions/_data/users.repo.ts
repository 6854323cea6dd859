import { COLLECTIONS } from '@shared/constants/collections';
import type { Role } from '@shared/constants/roles';
import type { FamilyLink, UserDoc, WriteWindow } from '@shared/db/schemas/users';
import type { Database, Tx } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';
import { type Projected, project, txData } from './fields';

/** Users: one document per WeChat identity, `_id` = userIdFor(openid) (see _lib/caller). */
const coll = (db: Database) => db.collection(COLLECTIONS.users);

/** Selected fields of one account. */
export async function findById<K extends keyof UserDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<UserDoc, K> | undefined> {
  const { data } = await coll(db)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<UserDoc, K> | undefined;
}

/** Creates the resident account of a first visit; a concurrent first visit is not an error. */
export async function createResident(db: Database, userId: string, openid: string, at: Date): Promise<void> {
  try {
    await coll(db).add({ _id: userId, openid, role: 'resident' satisfies Role, family: [], createdAt: at });
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e;
  }
}

/** The family list of an account (relation included). */
export async function familyOf(db: Database, userId: string): Promise<FamilyLink[]> {
  return (await findById(db, userId, ['family']))?.family ?? [];
}

/** Links the verified person to the account. */
export async function setResident(db: Database, userId: string, residentId: string): Promise<void> {
  await coll(db).doc(userId).update({ residentId });
}

/** Adds a family member (idempotent for the same member and relation). */
export async function addFamily(db: Database, userId: string, member: FamilyLink): Promise<void> {
  await coll(db)
    .doc(userId)
    .update({ family: db.command.addToSet(member) });
}

/** Replaces the family list (after removing one member). */
export async function setFamily(db: Database, userId: string, family: FamilyLink[]): Promise<void> {
  await coll(db)
    .doc(userId)
    .update({ family: db.command.set(family) });
}

/** Reads an account inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<UserDoc | undefined> {
  return txData<UserDoc>((await t.collection(COLLECTIONS.users).doc(id).get()).data);
}

/** Writes an account whole inside a transaction (a role change rewrites it). */
export async function setInTx(t: Tx, id: string, doc: Omit<UserDoc, '_id'>): Promise<void> {
  await t.collection(COLLECTIONS.users).doc(id).set(doc);
}

/** Counts one write in the caller's current window while under `max` (conditional update); false when full. */
export async function countWrite(db: Database, userId: string, start: number, max: number): Promise<boolean> {
  const _ = db.command;
  const r = await coll(db)
    .where({ _id: userId, 'writes.start': start, 'writes.count': _.lt(max) })
    .update({ 'writes.count': _.inc(1) });
  return r.updated === 1;
}

/** Opens a new write window with count 1, only if the window read is still the stored one. */
export async function openWriteWindow(
  db: Database,
  userId: string,
  read: WriteWindow | undefined,
  start: number,
): Promise<boolean> {
  const _ = db.command;
  const previous = read ? { 'writes.start': read.start } : { writes: _.exists(false) };
  const r = await coll(db)
    .where({ _id: userId, ...previous })
    .update({ writes: _.set({ start, count: 1 }) });
  return r.updated === 1;
}

// --- stats ---

/** user id → staff id for some accounts (staff who recorded work; bounded by staff, ≤ 1000 a request). */
export async function staffIdsOf(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    const { data } = await db
      .collection(COLLECTIONS.users)
      .where({ _id: db.command.in(unique.slice(i, i + 1000)) })
      .field({ staffId: true })
      .limit(1000)
      .get();
    for (const u of data as { _id: string; staffId?: string }[]) if (u.staffId) out.set(u._id, u.staffId);
  }
  return out;
}
