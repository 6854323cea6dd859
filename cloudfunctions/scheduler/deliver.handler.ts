import { COLLECTIONS } from '@shared/constants/collections';
import type { MessageDoc } from '@shared/db/schemas/messages';
import type { OutboxDoc } from '@shared/db/schemas/outbox';
import { type SendDoc, sendId } from '@shared/db/schemas/sends';
import { subscriptionId } from '@shared/db/schemas/subscriptions';
import { type Channel, chooseChannel, retryAt } from '@shared/messaging/channels';
import { insertMessages } from '../_data/messages.repo';
import { claim, dueIds, expiredLeaseIds, settle } from '../_data/outbox.repo';
import { beginInTx, finishSend, recordInapp } from '../_data/sends.repo';
import { consumeInTx, creditOf, forUsers, refundInTx } from '../_data/subscriptions.repo';
import { inTransaction } from '../_lib/db';
import { sendSubscribe, smsParams } from './support/channels';
import { type Recipient, resolveRecipients } from './support/recipients';
import { type RunEnv, timeLeft } from './support/run';

/**
 * Delivers due outbox entries in bounded batches: claim under a lease (conditional update), write
 * every entry's in-app copy (batched, `_id` = entry id), then for each entry the channel the rule
 * picks — a subscribe message when a credit allows, an SMS where configured, else in-app alone —
 * guarded by a `sends` record with a deterministic id created in the same transaction that takes
 * the credit. A run twice, two overlapping runs, or a run killed anywhere and run again therefore
 * never send anything twice; entries a dead run held are reclaimed when their lease expires.
 * An idle run costs two indexed reads.
 */
export async function deliverDue(env: RunEnv): Promise<void> {
  const { db, now, limits } = env;
  let processed = 0;
  while (processed < limits.maxMessages) {
    if (!timeLeft(env)) {
      env.stats.stoppedEarly = true;
      return;
    }
    const n = Math.min(limits.batch, limits.maxMessages - processed);
    let ids = await dueIds(db, now, n);
    if (ids.length < n) ids = ids.concat(await expiredLeaseIds(db, now, n - ids.length));
    if (ids.length === 0) return;
    const batch = await claim(db, ids, env.runId, new Date(now.getTime() + limits.leaseMs), now);
    if (batch.length === 0) return; // another run holds them
    await deliverBatch(env, batch, () => ++processed);
    if (ids.length < n) return;
  }
}

/** Education's push writes its in-app copy in its own transaction (cloudfunctions/education/support/fanout.ts). */
const hasOwnInapp = (m: OutboxDoc): boolean => m.inappWritten === true || m.kind === 'education.push';

class Skip extends Error {
  constructor(readonly why: 'done' | 'nocredit') {
    super(why);
  }
}

/** Sends through one external channel at most once; 'done' when a record says it was already tried. */
async function sendOnce(
  env: RunEnv,
  m: OutboxDoc,
  r: Recipient,
  channel: Exclude<Channel, 'inapp'>,
): Promise<'done' | 'nocredit' | { ok: true } | { ok: false; refused: boolean; error: string }> {
  const { db, now } = env;
  try {
    await inTransaction(db, async (t) => {
      if (!(await beginInTx(t, { outboxId: m._id, channel, kind: m.kind, owner: r.owner }, now)))
        throw new Skip('done');
      if (channel === 'subscribe' && !(await consumeInTx(t, r.userId ?? '', m.template ?? '', now)))
        throw new Skip('nocredit');
    });
  } catch (e) {
    if (e instanceof Skip) return e.why;
    throw e;
  }
  const out =
    channel === 'subscribe'
      ? await sendSubscribe(env.wx, r.openid ?? '', m)
      : await (env.sms?.send({
          mobile: r.mobile ?? '',
          kind: m.kind,
          params: smsParams(m),
          outboxId: m._id,
        }) ?? Promise.resolve({ ok: false as const, refused: true, error: 'sms off' }));
  if (out.ok) {
    await finishSend(
      db,
      m._id,
      channel,
      { status: 'sent', ...(out.ref ? { providerRef: out.ref } : {}) },
      now,
    );
    return { ok: true };
  }
  // Nothing went out: the record is reopened for a later attempt and the credit given back.
  await inTransaction(db, async (t) => {
    await t
      .collection(COLLECTIONS.sends)
      .doc(sendId(m._id, channel))
      .update({
        status: 'failed',
        error: out.error.slice(0, 200),
        doneAt: now,
      });
    if (channel === 'subscribe') await refundInTx(t, r.userId ?? '', m.template ?? '', now);
  });
  return out;
}

async function deliverBatch(env: RunEnv, batch: OutboxDoc[], tick: () => number): Promise<void> {
  const { db, now, runId } = env;
  const recipients = await resolveRecipients(db, batch, env.sms !== null);
  const userIds = [
    ...new Set(
      batch.flatMap((m) => {
        const u = m.template ? recipients.get(m._id)?.userId : undefined;
        return u ? [u] : [];
      }),
    ),
  ];
  const subs = new Map((await forUsers(db, userIds)).map((s) => [s._id, s]));

  // Every entry reaches the message centre first (idempotent: the copy's id is the entry's id).
  const inbox: MessageDoc[] = [];
  const inappSends: SendDoc[] = [];
  for (const m of batch) {
    const r = recipients.get(m._id);
    if (!r || hasOwnInapp(m)) continue;
    inbox.push({
      _id: m._id,
      owner: r.owner,
      ...(m.to.staffId ? { staffId: m.to.staffId } : m.to.residentId ? { residentId: m.to.residentId } : {}),
      kind: m.kind,
      title: m.title,
      body: m.body,
      ...(m.page ? { page: m.page } : {}),
      ...(m.ref ? { ref: m.ref } : {}),
      read: false,
      createdAt: now,
    });
    inappSends.push({
      _id: sendId(m._id, 'inapp'),
      outboxId: m._id,
      channel: 'inapp',
      status: 'sent',
      kind: m.kind,
      owner: r.owner,
      at: now,
    });
  }
  await insertMessages(db, inbox);
  await recordInapp(db, inappSends);

  const inappOnly = new Map<string, string[]>();
  const dead: string[] = [];
  for (const m of batch) {
    const r = recipients.get(m._id);
    if (!r) {
      dead.push(m._id);
      tick();
      continue;
    }
    const failed: Channel[] = [];
    for (;;) {
      const sub = r.userId && m.template ? subs.get(subscriptionId(r.userId, m.template)) : undefined;
      const choice = chooseChannel({
        kind: m.kind,
        hasTemplate: !!m.template,
        hasOpenid: !!r.openid,
        credit: creditOf(sub),
        smsConfigured: env.sms !== null,
        hasMobile: !!r.mobile,
        failed,
      });
      if (choice.channel === 'inapp') {
        inappOnly.set(choice.reason, [...(inappOnly.get(choice.reason) ?? []), m._id]);
        env.stats.inappOnly++;
        break;
      }
      const res = await sendOnce(env, m, r, choice.channel);
      if (res === 'nocredit') {
        // Spent since the batch read it (another message, another run): try the next channel.
        if (sub) subs.set(sub._id, { ...sub, credits: 0, long: false });
        failed.push(choice.channel);
        continue;
      }
      if (res === 'done' || res.ok) {
        if (res !== 'done') {
          env.stats[choice.channel]++;
          if (sub?.mode === 'once') subs.set(sub._id, { ...sub, credits: sub.credits - 1 });
        }
        await settle(
          db,
          [m._id],
          runId,
          { status: 'sent', channel: choice.channel, channelReason: choice.reason, sentAt: now },
          now,
        );
        env.stats.delivered++;
        break;
      }
      if (res.refused) {
        failed.push(choice.channel);
        continue;
      }
      const attempts = m.attempts + 1;
      const at = retryAt(attempts, now);
      await settle(
        db,
        [m._id],
        runId,
        at
          ? { status: 'queued', sendAfter: at, attempts, lastError: res.error, channelReason: choice.reason }
          : { status: 'dead', attempts, lastError: res.error, channelReason: choice.reason },
        now,
      );
      env.stats[at ? 'retried' : 'dead']++;
      break;
    }
    env.hooks?.afterMessage?.(tick());
  }
  for (const [reason, ids] of inappOnly) {
    await settle(
      db,
      ids,
      runId,
      { status: 'sent', channel: 'inapp', channelReason: reason, sentAt: now },
      now,
    );
    env.stats.delivered += ids.length;
  }
  if (dead.length) {
    await settle(db, dead, runId, { status: 'dead', lastError: 'no recipient' }, now);
    env.stats.dead += dead.length;
  }
}
