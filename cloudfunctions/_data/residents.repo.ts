import { COLLECTIONS } from '@shared/constants/collections';
import type { Consent, ResidentDoc } from '@shared/db/schemas/residents';
import type { AudienceFacts } from '@shared/education/audience';
import { isChild, isElderly } from '@shared/population/keyPopulations';
import type { Day } from '@shared/time';
import type { Database } from '../_lib/db';
import { type Projected, project } from './fields';
import * as households from './households.repo';
import * as regions from './regions.repo';

/** Residents: one document per person; ID number and phone sealed (docs/privacy.md). */
const coll = (db: Database) => db.collection(COLLECTIONS.residents);

/** Selected fields of one resident. */
export async function findById<K extends keyof ResidentDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<ResidentDoc, K> | undefined> {
  const { data } = await coll(db)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<ResidentDoc, K> | undefined;
}

/** Selected fields of several residents (a family, an agenda page), in pages of 100 ids. */
export async function findMany<K extends keyof ResidentDoc>(
  db: Database,
  ids: readonly string[],
  fields: readonly K[],
): Promise<Projected<ResidentDoc, K>[]> {
  const unique = [...new Set(ids)];
  const out: Projected<ResidentDoc, K>[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    const page = unique.slice(i, i + 100);
    const { data } = await coll(db)
      .where({ _id: db.command.in(page) })
      .field(project(fields as readonly string[]))
      .limit(page.length)
      .get();
    out.push(...(data as Projected<ResidentDoc, K>[]));
  }
  return out;
}

/** Names of several residents for lists. */
export async function namesOf(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await findMany(db, ids, ['name']);
  return new Map(rows.map((r) => [r._id, r.name ?? '']));
}

/** The person behind a keyed ID hash, with what verification and family linking compare. */
export async function findByIdHash(
  db: Database,
  idHash: string,
): Promise<Pick<ResidentDoc, '_id' | 'name' | 'userId'> | undefined> {
  const { data } = await coll(db)
    .where({ idHash })
    .field({ _id: true, name: true, userId: true })
    .limit(1)
    .get();
  return data[0] as Pick<ResidentDoc, '_id' | 'name' | 'userId'> | undefined;
}

/** Inserts a new person; a clash on the ID hash (unique index) surfaces as DATABASE_DUPLICATE_WRITE. */
export async function create(db: Database, doc: ResidentDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await coll(db).add({ _id, ...rest });
}

/** Links an unclaimed person record to the account verifying as them; false if someone else did first. */
export async function claim(
  db: Database,
  id: string,
  userId: string,
  patch: Partial<ResidentDoc>,
): Promise<boolean> {
  const { updated } = await coll(db)
    .where({ _id: id, userId: db.command.exists(false) })
    .update({ ...patch, userId });
  return updated === 1;
}

/** Records (or renews) consent to the current privacy notice. */
export async function recordConsent(db: Database, id: string, consent: Consent): Promise<void> {
  await coll(db)
    .doc(id)
    .update({ consent: db.command.set(consent) });
}

/** Marks consent withdrawn, keeping when and which version had been given. */
export async function withdrawConsent(
  db: Database,
  id: string,
  at: Date,
  reason: string | undefined,
): Promise<void> {
  const patch: Record<string, unknown> = { 'consent.withdrawnAt': at };
  if (reason) patch['consent.withdrawReason'] = reason;
  await coll(db).doc(id).update(patch);
}

/** What signing needs to know about a resident: never the full ID number, only its mask. */
export type SigningFacts = {
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

/**
 * One resident as signing sees them, with the grid/village taken from their household (or the
 * grid's parent in the region tree) when not on the record. One request in the common case.
 */
export async function signingFacts(db: Database, residentId: string): Promise<SigningFacts | undefined> {
  const r = await findById(db, residentId, [
    'name',
    'idMasked',
    'verified',
    'gridId',
    'villageId',
    'householdId',
    'birthDate',
    'tags',
  ]);
  if (!r) return undefined;
  let gridId = r.gridId;
  let villageId = r.villageId;
  if ((gridId === undefined || villageId === undefined) && r.householdId !== undefined) {
    const h = await households.findById(db, r.householdId, ['gridId', 'villageId']);
    gridId ??= h?.gridId;
    villageId ??= h?.villageId;
  }
  if (villageId === undefined && gridId !== undefined)
    villageId = (await regions.villageOfGrid(db)).get(gridId);
  return {
    residentId: r._id,
    name: r.name ?? '',
    maskedIdNumber: r.idMasked ?? '',
    // A resident record exists only after real-name verification unless marked otherwise.
    verified: r.verified !== false,
    ...(gridId !== undefined ? { gridId } : {}),
    ...(villageId !== undefined ? { villageId } : {}),
    ...(r.householdId !== undefined ? { householdId: r.householdId } : {}),
    ...(r.birthDate !== undefined ? { birthDate: r.birthDate as Day } : {}),
    storedTags: r.tags ?? [],
  };
}

/** Tags that decide package eligibility on a day: stored conditions plus age-derived ones. */
export const tagsOn = (r: Pick<SigningFacts, 'storedTags' | 'birthDate'>, day: Day): string[] => {
  const tags = new Set(r.storedTags);
  if (r.birthDate !== undefined) {
    if (isElderly({ birthDate: r.birthDate }, day)) tags.add('elderly');
    if (isChild({ birthDate: r.birthDate }, day)) tags.add('child');
  }
  return [...tags];
};

// --- Where a resident lives (issue 12, journeys) ---

/** Records where a resident lives (replacing what was recorded before). */
export async function setResidence(
  db: Database,
  id: string,
  r: { villageId: string; gridId?: string; address: string },
): Promise<void> {
  await db
    .collection(COLLECTIONS.residents)
    .doc(id)
    .update({
      villageId: r.villageId,
      gridId: r.gridId !== undefined ? r.gridId : db.command.remove(),
      address: r.address,
    });
}

// ---- education: audience pages (issue #16) ----

/** What an audience rule reads of a resident. */
export type AudienceRow = AudienceFacts & { institutionId?: string };

/**
 * One page of an institution's residents, in `_id` order after `cursor`, narrowed by what the
 * database can apply (grid, sex, birth-date bounds, stored tags); the exact rule runs after.
 */
export async function audiencePage(
  db: Database,
  institutionId: string,
  narrow: { gridId?: string; sex?: string; bornFrom?: string; bornTo?: string; storedTags?: string[] },
  cursor: string | undefined,
  limit: number,
): Promise<AudienceRow[]> {
  const _ = db.command;
  const q: Record<string, unknown> = { institutionId };
  if (cursor) q._id = _.gt(cursor);
  if (narrow.gridId) q.gridId = narrow.gridId;
  if (narrow.sex) q.sex = narrow.sex;
  if (narrow.bornFrom && narrow.bornTo) q.birthDate = _.gte(narrow.bornFrom).and(_.lte(narrow.bornTo));
  else if (narrow.bornFrom) q.birthDate = _.gte(narrow.bornFrom);
  else if (narrow.bornTo) q.birthDate = _.lte(narrow.bornTo);
  if (narrow.storedTags) q.tags = _.in(narrow.storedTags);
  const { data } = await db
    .collection(COLLECTIONS.residents)
    .where(q)
    .orderBy('_id', 'asc')
    .field({ birthDate: true, sex: true, tags: true, pregnancies: true, gridId: true, institutionId: true })
    .limit(limit)
    .get();
  return data as AudienceRow[];
}

/** The facts the feed ranks by, for the caller and their family (one request). */
export async function audienceFactsOf(db: Database, ids: readonly string[]): Promise<AudienceRow[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.residents)
    .where({ _id: _.in([...ids]) })
    .field({
      birthDate: true,
      sex: true,
      tags: true,
      pregnancies: true,
      gridId: true,
      institutionId: true,
      name: true,
    })
    .limit(ids.length)
    .get();
  return data as AudienceRow[];
}

/** A resident's display name, for masked labels (host's question list). */
export async function nameOf(db: Database, id: string): Promise<string | undefined> {
  const { data } = await db.collection(COLLECTIONS.residents).doc(id).field({ name: true }).get();
  return (data[0] as { name?: string } | undefined)?.name;
}
