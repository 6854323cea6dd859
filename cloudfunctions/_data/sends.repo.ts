import { COLLECTIONS } from '@shared/constants/collections';
import { type SendDoc, sendId } from '@shared/db/schemas/sends';
import type { Channel } from '@shared/messaging/channels';
import type { Database, Tx } from '../_lib/db';
import { insertNew } from './outbox.repo';

/** Per-channel delivery records (`<outboxId>~<channel>`): the once-only guard of external sends. */

const one = <T>(d: unknown): T | undefined =>
  (Array.isArray(d) ? (d[0] as T | undefined) : (d as T | null | undefined)) ?? undefined;

/**
 * Inside the send transaction: true when this channel may be tried now (never tried, or tried and
 * refused outright), and marks it pending; false when it is sent, pending or of unknown outcome.
 */
export async function beginInTx(
  t: Tx,
  p: { outboxId: string; channel: Channel; kind: string; owner: string },
  now: Date,
): Promise<boolean> {
  const id = sendId(p.outboxId, p.channel);
  const ref = t.collection(COLLECTIONS.sends).doc(id);
  const cur = one<SendDoc>((await ref.get()).data);
  if (cur && cur.status !== 'failed') return false;
  const doc: Omit<SendDoc, '_id'> = { ...p, status: 'pending', at: now };
  await ref.set(doc);
  return true;
}

/** Records the outcome of an external send. */
export async function finishSend(
  db: Database,
  outboxId: string,
  channel: Channel,
  patch: { status: 'sent' | 'failed' | 'unknown'; error?: string; providerRef?: string },
  now: Date,
): Promise<void> {
  await db
    .collection(COLLECTIONS.sends)
    .doc(sendId(outboxId, channel))
    .update({ ...patch, doneAt: now });
}

/** In-app deliveries of a batch, recorded together (skipping those already recorded). */
export const recordInapp = (db: Database, docs: SendDoc[]): Promise<number> =>
  insertNew(db, COLLECTIONS.sends, docs);

/** The record of one channel of one entry, if any. */
export async function sendOf(db: Database, outboxId: string, channel: Channel): Promise<SendDoc | undefined> {
  return one<SendDoc>((await db.collection(COLLECTIONS.sends).doc(sendId(outboxId, channel)).get()).data);
}
