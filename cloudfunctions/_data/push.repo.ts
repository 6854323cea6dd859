import { COLLECTIONS } from '@shared/constants/collections';
import type { JobDoc } from '@shared/db/schemas/jobs';
import { type TAudience, ZAudience } from '@shared/messaging/audience';
import { type Database, inTransaction, type Tx } from '../_lib/db';
import { jobById } from './jobs.repo';

/**
 * The fan-out API for education pushes ("push article X to audience Y"). A request is one
 * `jobs/push_<pushId>` document; the scheduler fans it out over the audience in chunks across
 * runs (outbox ids `push_<pushId>_<residentId>`, so a chunk redone after a crash queues nothing
 * twice) and delivers each copy: a subscribe message where the resident holds a `healthEducation`
 * credit, the in-app message centre always.
 */
export type PushRequest = {
  /** Stable id chosen by the caller (e.g. `<articleId>_<n>`); requesting it twice is a no-op. */
  pushId: string;
  articleId: string;
  /** Article title and a one-line summary (shown in the message centre; fitted for WeChat at send). */
  title: string;
  summary: string;
  /** Mini-program page the message opens, e.g. `pages/health/article?id=…`. */
  page: string;
  audience: TAudience;
  /** Not before (default now). */
  sendAfter?: Date;
  /** Staff id of who pushed it. */
  by?: string;
};

export const pushJobId = (pushId: string): string => `push_${pushId}`;

/** Records a push request inside the caller's transaction (with the article's state change). */
export async function requestPushInTx(t: Tx, req: PushRequest, now: Date): Promise<boolean> {
  const audience = ZAudience.parse(req.audience);
  const ref = t.collection(COLLECTIONS.jobs).doc(pushJobId(req.pushId));
  const cur = (await ref.get()).data;
  if (cur && (Array.isArray(cur) ? cur.length > 0 : true)) return false;
  const doc: Omit<JobDoc, '_id'> = {
    type: 'push',
    status: 'active',
    push: {
      articleId: req.articleId,
      title: req.title,
      summary: req.summary,
      page: req.page,
      audience,
      sendAfter: req.sendAfter ?? now,
      ...(req.by ? { by: req.by } : {}),
    },
    fannedOut: 0,
    createdAt: now,
    updatedAt: now,
  };
  await ref.set(doc);
  return true;
}

/** Same, in a transaction of its own. */
export const requestPush = (db: Database, req: PushRequest, now: Date): Promise<boolean> =>
  inTransaction(db, (t) => requestPushInTx(t, req, now));

/** How far a push has got: `active` while fanning out, `done` once every copy is queued. */
export async function pushProgress(
  db: Database,
  pushId: string,
): Promise<{ status: 'active' | 'done'; fannedOut: number } | undefined> {
  const j = await jobById(db, pushJobId(pushId));
  return j ? { status: j.status, fannedOut: j.fannedOut ?? 0 } : undefined;
}
