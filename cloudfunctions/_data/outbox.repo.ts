import { COLLECTIONS } from '@shared/constants/collections';
import type { OutboxDoc, OutboxMessage } from '@shared/db/schemas/outbox';
import type { Tx } from '../_lib/db';

/**
 * Queues a message inside the caller's transaction, so it commits with the state change it
 * announces or not at all. Idempotent: the dedupe key is the `_id`, and a message already queued,
 * sent or cancelled under that key is left as it is (a replayed action never re-sends).
 * Costs one read and at most one write inside the transaction.
 */
export async function enqueueInTx(t: Tx, msg: OutboxMessage, now: Date): Promise<boolean> {
  const ref = t.collection(COLLECTIONS.outbox).doc(msg._id);
  const cur = (await ref.get()).data;
  if (cur && (Array.isArray(cur) ? cur.length > 0 : true)) return false;
  const { _id, ...rest } = msg;
  const doc: Omit<OutboxDoc, '_id'> = {
    ...rest,
    data: msg.data ?? {},
    sendAfter: msg.sendAfter ?? now,
    status: 'queued',
    attempts: 0,
    createdAt: now,
  };
  await ref.set(doc);
  return true;
}

/** Withdraws a message still waiting (a booking cancelled before its reminder went out). */
export async function cancelQueuedInTx(t: Tx, id: string, now: Date): Promise<void> {
  const ref = t.collection(COLLECTIONS.outbox).doc(id);
  const cur = (await ref.get()).data as { status?: string } | { status?: string }[] | null | undefined;
  const doc = Array.isArray(cur) ? cur[0] : cur;
  if (doc?.status === 'queued') await ref.update({ status: 'cancelled', updatedAt: now });
}
