import { COLLECTIONS } from '@shared/constants/collections';
import type { HouseholdDoc } from '@shared/db/schemas/households';
import type { Database, Tx } from '../_lib/db';
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

// ---- grid (issue 15): plates, tokens and a grid's households ----

/** Households repository (issue 15): door plates and their grid. */
const coll = (db: Database) => db.collection(COLLECTIONS.households);

/** The household whose current plate carries `token`. */
export async function findByToken(db: Database, token: string): Promise<HouseholdDoc | undefined> {
  const { data } = await coll(db).where({ qrToken: token }).limit(1).get();
  return data[0] as HouseholdDoc | undefined;
}

/** True when `token` was on a plate of some household before a reprint. */
export async function isRevokedToken(db: Database, token: string): Promise<boolean> {
  const { data } = await coll(db).where({ revokedQrTokens: token }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

/** The whole household (door plate, place, codes). */
export async function getById(db: Database, id: string): Promise<HouseholdDoc | undefined> {
  const { data } = await coll(db).doc(id).get();
  return data[0] as HouseholdDoc | undefined;
}

/** Households of a grid, by address (a grid holds a few hundred at most; paged by the caller). */
export async function listByGrid(
  db: Database,
  gridId: string,
  page: { offset?: number; limit?: number } = {},
): Promise<Pick<HouseholdDoc, '_id' | 'address' | 'gridId' | 'qrToken' | 'revokedQrTokens'>[]> {
  const { data } = await coll(db)
    .where({ gridId })
    .orderBy('address', 'asc')
    .skip(page.offset ?? 0)
    .limit(page.limit ?? 200)
    .field({ _id: true, address: true, gridId: true, qrToken: true, revokedQrTokens: true })
    .get();
  return data as Pick<HouseholdDoc, '_id' | 'address' | 'gridId' | 'qrToken' | 'revokedQrTokens'>[];
}

/** Several households by id (a sheet reprint names at most SHEET_MAX_HOUSEHOLDS). */
export async function getMany(db: Database, ids: readonly string[]): Promise<HouseholdDoc[]> {
  if (ids.length === 0) return [];
  const { data } = await coll(db)
    .where({ _id: db.command.in([...ids]) })
    .limit(ids.length)
    .get();
  return data as HouseholdDoc[];
}

/** Inside a transaction: the household, or undefined. */
export async function getInTx(t: Tx, id: string): Promise<HouseholdDoc | undefined> {
  const cur = (await t.collection(COLLECTIONS.households).doc(id).get()).data;
  const doc = Array.isArray(cur) ? cur[0] : cur;
  return (doc ?? undefined) as HouseholdDoc | undefined;
}

export async function createInTx(t: Tx, doc: HouseholdDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.households).doc(_id).set(rest);
}

/**
 * Puts a new token on the plate and keeps the old one as revoked (bounded tail). One update per
 * household; the unique index on `qrToken` refuses a (never expected) clash.
 */
export async function reissueToken(
  db: Database,
  h: Pick<HouseholdDoc, '_id' | 'qrToken' | 'revokedQrTokens'>,
  token: string,
  keep: number,
  now: Date,
): Promise<void> {
  const revoked = [h.qrToken, ...(h.revokedQrTokens ?? [])].slice(0, keep);
  await coll(db)
    .doc(h._id)
    .update({ qrToken: token, revokedQrTokens: db.command.set(revoked), qrIssuedAt: now, qrPrintedAt: now });
}
