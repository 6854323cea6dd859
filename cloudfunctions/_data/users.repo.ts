import { COLLECTIONS } from '@shared/constants/collections';
import type { Role } from '@shared/constants/roles';
import type { FamilyLink, UserDoc } from '@shared/db/schemas/users';
import type { Database } from '../_lib/db';
import { isDuplicateWrite } from '../_lib/errors';
import { type Projected, project } from './fields';

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
