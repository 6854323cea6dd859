import { z } from '../../api/zod';

/**
 * One message in the in-app message centre (消息 in 我的). Every outbox entry reaches it, whatever
 * other channel carried it, and its `_id` is the outbox entry's `_id`, so delivering twice can
 * never show it twice. `owner` is `r:<residentId>` or `s:<staffId>`: an account reads the messages
 * of its own resident, its family members and its staff record.
 */
export const ZMessageDoc = z.object({
  _id: z.string().min(1),
  owner: z.string().min(3),
  /** The owner's id again, as the education inbox writes it (its feed marks read by residentId). */
  residentId: z.string().optional(),
  staffId: z.string().optional(),
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
  kind: z.string().min(1),
  title: z.string(),
  body: z.string(),
  page: z.string().optional(),
  /** False until the owner opens it (an index on owner + read answers the unread badge). */
  read: z.boolean(),
  readAt: z.date().optional(),
  createdAt: z.date(),
});
export type MessageDoc = z.infer<typeof ZMessageDoc>;

export const ownerOf = (to: { residentId?: string; staffId?: string }): string | null =>
  to.staffId ? `s:${to.staffId}` : to.residentId ? `r:${to.residentId}` : null;
