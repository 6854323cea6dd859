import { COLLECTIONS } from '@shared/constants/collections';
import type { AudienceFacts } from '@shared/education/audience';
import type { Database } from '../_lib/db';

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
