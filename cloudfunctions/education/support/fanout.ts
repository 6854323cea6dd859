import { COLLECTIONS } from '@shared/constants/collections';
import type { ArticleDoc, CampaignDoc } from '@shared/db/schemas/articles';
import type { DeliveryDoc, InboxMessageDoc, PushCounterDoc } from '@shared/db/schemas/deliveries';
import {
  decidePush,
  deliveryId,
  EDUCATION_CONFIG,
  inboxMessageId,
  type PushOutcome,
  pushOutboxId,
  type TEducationConfig,
  weeklyCounterId,
} from '@shared/education';
import { shanghaiDay, weekOf } from '@shared/time';
import * as articlesRepo from '../../_data/articles.repo';
import { getInTx } from '../../_data/deliveries.repo';
import { enqueueInTx } from '../../_data/outbox.repo';
import { type Database, inTransaction } from '../../_lib/db';
import { walkAudience } from './audience';

/** The page a pushed article opens (the reader in the main package). */
export const articlePage = (articleId: string) => `/pages/article/index?id=${articleId}`;

/**
 * Delivers one article to one resident, or decides not to, in ONE transaction over documents with
 * known ids: the delivery (`<article>__<resident>`: pushed already?) and the resident's weekly
 * counter (`<resident>__W<monday>`: cap reached?). Two doctors pushing to the same resident at
 * once conflict on the counter; the loser retries and sees the new count — so neither "the same
 * article twice" nor "more than N a week" can slip through a race. Writes: delivery, counter,
 * in-app inbox entry and the outbox message for the WeChat channel (delivered by [Messaging]
 * where the resident holds a subscribe credit).
 */
export async function deliverOne(
  db: Database,
  a: Pick<ArticleDoc, '_id' | 'title' | 'summary'>,
  c: Pick<CampaignDoc, '_id' | 'institutionId' | 'teamId'>,
  residentId: string,
  now: Date,
  cfg: TEducationConfig = EDUCATION_CONFIG,
): Promise<PushOutcome> {
  const day = shanghaiDay(now);
  const did = deliveryId(a._id, residentId);
  const cid = weeklyCounterId(residentId, day);
  return inTransaction(db, async (t) => {
    const d = await getInTx<DeliveryDoc>(t, COLLECTIONS.deliveries, did);
    const counter = await getInTx<PushCounterDoc>(t, COLLECTIONS.pushCounters, cid);
    const outcome = decidePush(Boolean(d?.pushedAt), counter?.count ?? 0, cfg.maxPushesPerWeek);
    if (outcome !== 'delivered') return outcome;
    const pushed = {
      pushedAt: now,
      campaignId: c._id,
      ...(c.teamId ? { teamId: c.teamId } : {}),
      channels: ['in_app' as const],
    };
    if (d) await t.collection(COLLECTIONS.deliveries).doc(did).update(pushed);
    else {
      const fresh: Omit<DeliveryDoc, '_id'> = {
        articleId: a._id,
        residentId,
        institutionId: c.institutionId,
        ...pushed,
        createdAt: now,
      };
      await t.collection(COLLECTIONS.deliveries).doc(did).set(fresh);
    }
    const nextCounter: Omit<PushCounterDoc, '_id'> = {
      residentId,
      week: weekOf(day).key,
      count: (counter?.count ?? 0) + 1,
      articleIds: [...(counter?.articleIds ?? []), a._id],
      updatedAt: now,
    };
    await t.collection(COLLECTIONS.pushCounters).doc(cid).set(nextCounter);
    await writeInbox(t, a, residentId, now);
    await enqueueInTx(
      t,
      {
        _id: pushOutboxId(a._id, residentId),
        kind: 'education.push',
        template: 'healthEducation',
        to: { residentId },
        title: '健康科普',
        body: a.title,
        data: { thing1: a.title, thing2: '家庭医生为您推送了一篇健康科普' },
        page: articlePage(a._id),
        ref: { kind: 'delivery', id: did },
      },
      now,
    );
    return 'delivered';
  });
}

/**
 * The in-app inbox entry — the one place to switch when [Messaging]'s fan-out API takes over
 * in-app delivery from the outbox (COORD.md).
 */
async function writeInbox(
  t: Parameters<Parameters<typeof inTransaction>[1]>[0],
  a: Pick<ArticleDoc, '_id' | 'title' | 'summary'>,
  residentId: string,
  now: Date,
): Promise<void> {
  const msg: Omit<InboxMessageDoc, '_id'> = {
    residentId,
    // The message centre (scheduler.inbox) lists by owner and counts unread by `read`.
    owner: `r:${residentId}`,
    read: false,
    kind: 'education.push',
    title: a.title,
    body: a.summary,
    page: articlePage(a._id),
    ref: { kind: 'article', id: a._id },
    createdAt: now,
  };
  await t.collection(COLLECTIONS.messages).doc(inboxMessageId(a._id, residentId)).set(msg);
}

/**
 * Runs (or resumes) a campaign until its audience is done or `deadline` passes: the rule is
 * evaluated now, page by page; each page's residents are delivered 5 transactions at a time,
 * the deadline checked between batches. Progress (cursor and counters) is saved after
 * every page, so a run cut short resumes where it stopped and a re-run delivers nothing twice.
 */
export async function runCampaign(
  db: Database,
  campaign: CampaignDoc,
  a: Pick<ArticleDoc, '_id' | 'title' | 'summary'>,
  now: Date,
  deadline: number,
  cfg: TEducationConfig = EDUCATION_CONFIG,
): Promise<CampaignDoc> {
  const c = { ...campaign, status: 'sending' as const };
  const day = shanghaiDay(now);
  const { cursor } = await walkAudience(
    db,
    c.institutionId,
    c.rule,
    day,
    async (matched, lastId) => {
      // Stops between chunks when time runs out: the cursor is then the last resident handled
      // (ids ascend within the walk), so the resume starts right after it.
      let resumeAfter: string | undefined;
      let handled = 0;
      for (let i = 0; i < matched.length; i += 5) {
        if (Date.now() >= deadline) {
          resumeAfter = matched[i - 1]?._id ?? c.cursor ?? '';
          break;
        }
        const batch = matched.slice(i, i + 5);
        const outcomes = await Promise.all(batch.map((r) => deliverOne(db, a, c, r._id, now, cfg)));
        for (const o of outcomes) {
          if (o === 'delivered') c.delivered++;
          else if (o === 'already_pushed') c.alreadyPushed++;
          else c.weeklyCap++;
        }
        handled += batch.length;
      }
      c.matched += handled;
      c.cursor = resumeAfter ?? lastId;
      await articlesRepo.saveCampaign(db, c._id, {
        status: 'sending',
        cursor: c.cursor,
        matched: c.matched,
        delivered: c.delivered,
        alreadyPushed: c.alreadyPushed,
        weeklyCap: c.weeklyCap,
        updatedAt: now,
      });
      return resumeAfter ?? (Date.now() < deadline ? undefined : lastId);
    },
    { cursor: campaign.cursor },
  );
  if (cursor === undefined) {
    const done = { status: 'done' as const, finishedAt: now, updatedAt: now };
    await articlesRepo.saveCampaign(db, c._id, done);
    return { ...c, ...done };
  }
  return c;
}

/**
 * For the scheduler ([Messaging]'s timer): runs campaigns whose send day has come or whose run
 * was cut short, within a time budget. Safe to run twice (deliveries are idempotent).
 */
export async function runDueCampaigns(db: Database, now: Date, budgetMs = 40_000): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const due = await articlesRepo.dueCampaigns(db, shanghaiDay(now));
  let ran = 0;
  for (const c of due) {
    if (Date.now() >= deadline) break;
    const a = await articlesRepo.findById(db, c.articleId, ['title', 'summary']);
    if (!a) continue;
    await runCampaign(db, c, a, now, deadline);
    ran++;
  }
  return ran;
}
