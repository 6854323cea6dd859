import type { feed, markRead, reach } from '@shared/api/education';
import { COLLECTIONS } from '@shared/constants/collections';
import type { DeliveryDoc } from '@shared/db/schemas/deliveries';
import { deliveryId, populationsOf, topicsMatch } from '@shared/education';
import { shanghaiDay } from '@shared/time';
import * as articles from '../_data/articles.repo';
import { forResident, getInTx, reachCounts } from '../_data/deliveries.repo';
import { audienceFactsOf } from '../_data/residents.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { authorizeAuthor, loadArticle } from './support/access';
import { downloadUrls } from './support/files';

/**
 * feed: approved articles of my institution and the district library; first those pushed to me or
 * written for my or my family's key populations, then the rest, newest first within each.
 * 4 requests (me + family, articles, my deliveries, cover URLs) whatever the district's size.
 */
export const feedHandler: Handler<typeof feed> = async ({ ctx }) => {
  const me = ctx.caller.residentId;
  if (!me) refuse('NOT_VERIFIED');
  ctx.authorize({ residentId: me });
  const day = shanghaiDay(ctx.now);
  const people = await audienceFactsOf(ctx.db, [me, ...(ctx.caller.familyResidentIds ?? [])]);
  const mine = people.find((p) => p._id === me);
  const tags = [
    ...new Set(people.flatMap((p) => (p.birthDate && p.sex ? populationsOf(p, day) : [...(p.tags ?? [])]))),
  ];
  const list = await articles.approvedFor(ctx.db, mine?.institutionId);
  const state = new Map(
    (
      await forResident(
        ctx.db,
        me,
        list.map((a) => a._id),
      )
    ).map((d) => [d.articleId, d]),
  );
  const urls = await downloadUrls(list.flatMap((a) => (a.coverFileId ? [a.coverFileId] : [])));
  const items = list.map((a) => {
    const d = state.get(a._id);
    const pushed = Boolean(d?.pushedAt);
    return {
      articleId: a._id,
      title: a.title,
      summary: a.summary,
      topics: a.topics,
      ...(a.coverFileId && urls.get(a.coverFileId) ? { coverUrl: urls.get(a.coverFileId) } : {}),
      forMe: pushed || topicsMatch(a.topics, tags),
      pushed,
      opened: Boolean(d?.openedAt),
      readToEnd: Boolean(d?.readToEndAt),
      publishedAt: new Date(a.reviewedAt ?? a.updatedAt).toISOString(),
    };
  });
  // Stable: within each group the newest-first order of the query is kept; pushed before matched.
  const rank = (i: (typeof items)[number]) => (i.pushed ? 0 : i.forMe ? 1 : 2);
  items.sort((x, y) => rank(x) - rank(y));
  return { items };
};

/**
 * markRead: opened / read to the end, on the delivery document (same id as a push's), in one
 * transaction; the first time only (a re-read keeps the first instant). Also marks the inbox entry read.
 */
export const markReadHandler: Handler<typeof markRead> = async ({ ctx, input }) => {
  const me = ctx.caller.residentId;
  if (!me) refuse('NOT_VERIFIED');
  ctx.authorize({ residentId: me });
  const a = await articles.findById(ctx.db, input.articleId, ['status', 'institutionId']);
  if (a?.status !== 'approved') refuse('ARTICLE_NOT_FOUND');
  const id = deliveryId(a._id, me);
  const now = ctx.now;
  const state = await inTransaction(ctx.db, async (t) => {
    const d = await getInTx<DeliveryDoc>(t, COLLECTIONS.deliveries, id);
    const patch: Partial<DeliveryDoc> = {};
    if (!d?.openedAt) patch.openedAt = now;
    if (input.progress === 'read_to_end' && !d?.readToEndAt) patch.readToEndAt = now;
    if (!d) {
      const fresh: Omit<DeliveryDoc, '_id'> = {
        articleId: a._id,
        residentId: me,
        institutionId: a.institutionId,
        ...patch,
        createdAt: now,
      };
      await t.collection(COLLECTIONS.deliveries).doc(id).set(fresh);
    } else if (Object.keys(patch).length) await t.collection(COLLECTIONS.deliveries).doc(id).update(patch);
    return { opened: true, readToEnd: Boolean(d?.readToEndAt ?? patch.readToEndAt) };
  });
  if (input.progress === 'opened') {
    const _ = ctx.db.command;
    await ctx.db
      .collection(COLLECTIONS.messages)
      .where({ residentId: me, 'ref.id': a._id, readAt: _.exists(false) })
      .update({ readAt: now, read: true });
  }
  return state;
};

/** reach: four counts over the deliveries of an article (author side) or of a team's pushes. */
export const reachHandler: Handler<typeof reach> = async ({ ctx, input }) => {
  if (input.articleId) {
    const a = await loadArticle(ctx, input.articleId);
    authorizeAuthor(ctx, a, { libraryOpen: true });
    const r = await reachCounts(ctx.db, { articleId: a._id });
    return {
      pushed: r.pushed,
      delivered: { inApp: r.pushed, wechat: r.wechat },
      opened: r.opened,
      readToEnd: r.readToEnd,
    };
  }
  const teamId = input.teamId ?? '';
  const { data } = await ctx.db
    .collection(COLLECTIONS.teams)
    .doc(teamId)
    .field({ institutionId: true })
    .get();
  const team = data[0] as { _id: string; institutionId?: string } | undefined;
  if (!team) refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId: team._id, ...(team.institutionId ? { institutionId: team.institutionId } : {}) });
  const r = await reachCounts(ctx.db, { teamId: team._id });
  return {
    pushed: r.pushed,
    delivered: { inApp: r.pushed, wechat: r.wechat },
    opened: r.opened,
    readToEnd: r.readToEnd,
  };
};
