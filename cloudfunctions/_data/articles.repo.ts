import { COLLECTIONS } from '@shared/constants/collections';
import type { ArticleDoc, CampaignDoc } from '@shared/db/schemas/articles';
import type { ArticleStatus } from '@shared/education/status';
import type { Database } from '../_lib/db';

type Fields<K extends keyof ArticleDoc> = readonly K[];
const proj = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, true]));
const coll = (db: Database) => db.collection(COLLECTIONS.articles);

/** Selected fields of one article. */
export async function findById<K extends keyof ArticleDoc>(
  db: Database,
  id: string,
  fields: Fields<K>,
): Promise<Pick<ArticleDoc, K | '_id'> | undefined> {
  const { data } = await coll(db).doc(id).field(proj(fields)).get();
  return data[0] as Pick<ArticleDoc, K | '_id'> | undefined;
}

/** Inserts a new article. */
export async function create(db: Database, doc: ArticleDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await coll(db).doc(_id).set(rest);
}

/**
 * Writes a change only if the article is still in one of `expected` (two admins reviewing at
 * once: one wins, the other sees the new status). True when it applied.
 */
export async function transition(
  db: Database,
  id: string,
  expected: readonly ArticleStatus[],
  patch: Partial<ArticleDoc>,
): Promise<boolean> {
  const _ = db.command;
  const { updated } = await coll(db)
    .where({ _id: id, status: _.in([...expected]) })
    .update(patch);
  return updated === 1;
}

const LIST_FIELDS = [
  'title',
  'summary',
  'topics',
  'status',
  'authorName',
  'teamId',
  'coverFileId',
  'updatedAt',
  'rejectReason',
  'institutionId',
  'reviewedAt',
  'library',
] as const;
export type ArticleListItem = Pick<ArticleDoc, (typeof LIST_FIELDS)[number] | '_id'>;

/** A team's or an institution's articles, newest first (≤ 100; authors page by status). */
export async function listFor(
  db: Database,
  where: { teamIds?: readonly string[]; institutionId?: string; status?: ArticleStatus },
): Promise<ArticleListItem[]> {
  const _ = db.command;
  const q: Record<string, unknown> = {};
  if (where.teamIds) q.teamId = _.in([...where.teamIds]);
  if (where.institutionId) q.institutionId = where.institutionId;
  if (where.status) q.status = where.status;
  const { data } = await coll(db)
    .where(q)
    .orderBy('updatedAt', 'desc')
    .field(proj(LIST_FIELDS))
    .limit(100)
    .get();
  return data as ArticleListItem[];
}

/** Approved articles a resident of an institution may read: their institution's and the library. */
export async function approvedFor(
  db: Database,
  institutionId: string | undefined,
): Promise<ArticleListItem[]> {
  const _ = db.command;
  const scope = institutionId ? _.or([{ institutionId }, { library: true }]) : { library: true };
  const { data } = await coll(db)
    .where(_.and([{ status: 'approved' }, scope]))
    .orderBy('reviewedAt', 'desc')
    .field(proj(LIST_FIELDS))
    .limit(100)
    .get();
  return data as ArticleListItem[];
}

// ---- campaigns (a push of an article to an audience rule) ----

const campaigns = (db: Database) => db.collection(COLLECTIONS.campaigns);

/** Inserts a campaign. */
export async function createCampaign(db: Database, doc: CampaignDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await campaigns(db).doc(_id).set(rest);
}

/** One campaign. */
export async function findCampaign(db: Database, id: string): Promise<CampaignDoc | undefined> {
  const { data } = await campaigns(db).doc(id).get();
  return data[0] as CampaignDoc | undefined;
}

/** Saves progress after a chunk (cursor and counters), or the end. */
export async function saveCampaign(db: Database, id: string, patch: Partial<CampaignDoc>): Promise<void> {
  await campaigns(db).doc(id).update(patch);
}

/** Campaigns due by a day that have not finished (scheduled ones reaching their day, cut-short runs). */
export async function dueCampaigns(db: Database, day: string, limit = 20): Promise<CampaignDoc[]> {
  const _ = db.command;
  const { data } = await campaigns(db)
    .where({ status: _.in(['scheduled', 'sending']), sendOn: _.lte(day) })
    .orderBy('sendOn', 'asc')
    .limit(limit)
    .get();
  return data as CampaignDoc[];
}
