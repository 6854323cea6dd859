import { COLLECTIONS } from '@shared/constants/collections';
import type { OutboxMessage } from '@shared/db/schemas/outbox';
import { audienceFields } from '@shared/messaging/audience';
import { shanghaiDay } from '@shared/time';
import { acquireJob, activePushIds, checkpoint, releaseJob } from '../_data/jobs.repo';
import { enqueueMany } from '../_data/outbox.repo';
import { type RunEnv, timeLeft } from './support/run';

/**
 * Fans education pushes out to their audience (the API is cloudfunctions/_data/push.repo.ts): per
 * chunk one page of the audience by `_id` after the cursor, one batched insert of outbox copies
 * (`push_<pushId>_<residentId>`, so a chunk redone after a crash adds nothing twice) and one
 * checkpoint. Runs stop at the chunk limit or the deadline and the next run resumes. With nothing
 * to fan out it costs one indexed read.
 */
export async function fanOutPushes(env: RunEnv): Promise<void> {
  const { db, now, limits, runId } = env;
  const _ = db.command;
  let chunks = 0;
  for (const id of await activePushIds(db, 5)) {
    if (!timeLeft(env) || chunks >= limits.maxChunks) break;
    const job = await acquireJob(db, id, runId, new Date(now.getTime() + limits.leaseMs), now);
    if (!job?.push || job.status !== 'active') continue;
    const p = job.push;
    let cursor = job.cursor ?? '';
    let fannedOut = job.fannedOut ?? 0;
    if (p.sendAfter > now) {
      await releaseJob(db, id, runId, {}, now);
      continue;
    }
    const pushId = id.replace(/^push_/, '');
    const filters = Object.entries(audienceFields(p.audience)).map(([k, v]) => ({ [k]: _.in([...v]) }));
    let done = false;
    while (chunks < limits.maxChunks && timeLeft(env)) {
      const where = cursor ? _.and([...filters, { _id: _.gt(cursor) }]) : _.and(filters);
      const { data } = await db
        .collection(COLLECTIONS.residents)
        .where(where)
        .orderBy('_id', 'asc')
        .limit(limits.fanoutChunk)
        .field({ _id: true })
        .get();
      const page = data as { _id: string }[];
      const msgs: OutboxMessage[] = page.map((r) => ({
        _id: `push_${pushId}_${r._id}`,
        kind: 'education.push',
        template: 'healthEducation',
        to: { residentId: r._id },
        title: p.title,
        body: p.summary,
        data: { title: p.title, note: p.summary, date: shanghaiDay(now) },
        page: p.page,
        sendAfter: now,
        ref: { kind: 'article', id: p.articleId },
      }));
      const added = await enqueueMany(db, msgs, now);
      fannedOut += added;
      env.stats.fannedOut += added;
      chunks++;
      if (page.length > 0) cursor = page[page.length - 1]!._id;
      done = page.length < limits.fanoutChunk;
      if (done) break;
      await checkpoint(db, id, runId, { cursor, fannedOut }, now);
      env.hooks?.afterChunk?.(chunks);
    }
    if (!done) env.stats.stoppedEarly = true;
    await releaseJob(
      db,
      id,
      runId,
      done ? { cursor, fannedOut, status: 'done', doneAt: now } : { cursor, fannedOut },
      now,
    );
  }
}
