import { COLLECTIONS } from '@shared/constants/collections';
import { type SubscriptionDoc, subscriptionId } from '@shared/db/schemas/subscriptions';
import {
  SUBSCRIBE_TEMPLATES,
  type SubscribeTemplateKey,
  templateKeyById,
} from '@shared/wx/subscribe-templates';
import type { Database, Tx } from '../_lib/db';

/**
 * Subscribe-message credits per account and template. A one-time acceptance adds one credit and
 * each send consumes one; a long-term acceptance is a flag kept until switched off.
 */

const one = <T>(d: unknown): T | undefined =>
  (Array.isArray(d) ? (d[0] as T | undefined) : (d as T | null | undefined)) ?? undefined;

/** Records an acceptance inside the caller's transaction (booking, signing, following a topic). */
export async function grantInTx(
  t: Tx,
  who: { userId: string; residentId?: string; staffId?: string },
  template: SubscribeTemplateKey,
  now: Date,
): Promise<void> {
  const mode = SUBSCRIBE_TEMPLATES[template].mode;
  const id = subscriptionId(who.userId, template);
  const ref = t.collection(COLLECTIONS.subscriptions).doc(id);
  const cur = one<SubscriptionDoc>((await ref.get()).data);
  const { _id, ...rest } = {
    _id: id,
    userId: who.userId,
    ...(who.residentId ? { residentId: who.residentId } : {}),
    ...(who.staffId ? { staffId: who.staffId } : {}),
    template,
    mode,
    credits: mode === 'once' ? (cur?.credits ?? 0) + 1 : 0,
    ...(mode === 'long' ? { long: true } : {}),
    acceptedAt: now,
    ...(cur?.usedAt ? { usedAt: cur.usedAt } : {}),
    updatedAt: now,
  } satisfies SubscriptionDoc;
  await ref.set(rest);
}

/** What the sender needs for a batch: one read of the given accounts' subscriptions. */
export async function forUsers(db: Database, userIds: string[]): Promise<SubscriptionDoc[]> {
  if (userIds.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.subscriptions)
    .where({ userId: _.in(userIds) })
    .limit(1000)
    .get();
  return data as SubscriptionDoc[];
}

/** One account's subscriptions (what 消息 shows it is subscribed to). */
export const ofUser = (db: Database, userId: string) => forUsers(db, [userId]);

/** Credit state of one subscription document as the channel rule sees it. */
export const creditOf = (s: SubscriptionDoc | undefined): 'once' | 'long' | 'none' =>
  !s ? 'none' : s.mode === 'long' ? (s.long ? 'long' : 'none') : s.credits > 0 ? 'once' : 'none';

/**
 * Takes one credit inside the send transaction; false when there is none left (spent by a
 * concurrent send, or never granted). Long-term acceptances are not consumed.
 */
export async function consumeInTx(t: Tx, userId: string, template: string, now: Date): Promise<boolean> {
  const ref = t.collection(COLLECTIONS.subscriptions).doc(subscriptionId(userId, template));
  const cur = one<SubscriptionDoc>((await ref.get()).data);
  if (creditOf(cur) === 'none' || !cur) return false;
  if (cur.mode === 'long') return true;
  await ref.update({ credits: cur.credits - 1, usedAt: now, updatedAt: now });
  return true;
}

/** Gives a credit back when WeChat refused the message outright (nothing was delivered). */
export async function refundInTx(t: Tx, userId: string, template: string, now: Date): Promise<void> {
  const ref = t.collection(COLLECTIONS.subscriptions).doc(subscriptionId(userId, template));
  const cur = one<SubscriptionDoc>((await ref.get()).data);
  if (cur?.mode === 'once') await ref.update({ credits: cur.credits + 1, updatedAt: now });
}

/** Switches a long-term subscription off (the user turned it off in 消息设置). */
export async function withdrawLong(db: Database, userId: string, template: string, now: Date): Promise<void> {
  await db
    .collection(COLLECTIONS.subscriptions)
    .doc(subscriptionId(userId, template))
    .update({ long: false, updatedAt: now });
}

/**
 * Records one more one-time credit for a template named by its WeChat id (the ground layer's
 * original entry point; grantInTx is the same by template key).
 */
export async function addCreditInTx(t: Tx, userId: string, templateId: string, now: Date): Promise<void> {
  const key = templateKeyById(templateId);
  if (key) await grantInTx(t, { userId }, key, now);
}
