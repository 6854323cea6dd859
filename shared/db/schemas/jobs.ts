import { z } from '../../api/zod';
import { ZAudience } from '../../messaging/audience';

/**
 * Checkpoints of the scheduler's resumable work. `job_<name>` documents hold a cursor (the last
 * day or key fully processed) and the lease of the run working on it; `push_<pushId>` documents
 * are education pushes being fanned out (cursor = last resident `_id` queued).
 */
export const ZJobDoc = z.object({
  _id: z.string().min(1),
  type: z.enum(['job', 'push']),
  status: z.enum(['active', 'done']),
  cursor: z.string().optional(),
  /** Several cursors of one job (e.g. one per notice kind). */
  cursors: z.record(z.string(), z.string()).optional(),
  leaseOwner: z.string().optional(),
  leaseUntil: z.date().optional(),
  updatedAt: z.date(),
  lastRunAt: z.date().optional(),
  // push only
  push: z
    .object({
      articleId: z.string(),
      title: z.string(),
      summary: z.string(),
      page: z.string(),
      audience: ZAudience,
      sendAfter: z.date(),
      by: z.string().optional(),
    })
    .optional(),
  fannedOut: z.number().int().min(0).optional(),
  createdAt: z.date().optional(),
  doneAt: z.date().optional(),
});
export type JobDoc = z.infer<typeof ZJobDoc>;
