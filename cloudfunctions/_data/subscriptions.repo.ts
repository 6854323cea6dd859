import { COLLECTIONS } from '@shared/constants/collections';
import type { SubscriptionDoc } from '@shared/db/schemas/subscriptions';
import type { Tx } from '../_lib/db';
import { txData } from './fields';

/** The deterministic id of an account's credits for one template. */
export const subscriptionId = (userId: string, templateId: string): string =>
  `${userId}_${templateId}`.slice(0, 64);

/** Records one more one-time subscribe credit (WeChat grants one per accept), inside a transaction. */
export async function addCreditInTx(t: Tx, userId: string, templateId: string, now: Date): Promise<void> {
  const doc = t.collection(COLLECTIONS.subscriptions).doc(subscriptionId(userId, templateId));
  const cur = txData<SubscriptionDoc>((await doc.get()).data);
  await doc.set({ userId, templateId, credits: (cur?.credits ?? 0) + 1, updatedAt: now });
}
