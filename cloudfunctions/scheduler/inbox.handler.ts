import type { OutputOf } from '@shared/api/define';
import type { inbox, markRead, subscribe, subscriptions, unread } from '@shared/api/scheduler';
import { kindLabel } from '@shared/messaging/kinds';
import {
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATES,
  templateKeyById,
} from '@shared/wx/subscribe-templates';
import {
  listForOwners,
  markAllRead,
  markRead as markOne,
  messageById,
  unreadCount,
} from '../_data/messages.repo';
import { creditOf, grantInTx, ofUser } from '../_data/subscriptions.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';

/** Inbox owners the caller reads: their staff record, or their resident and family members. */
function ownersOf(ctx: HandlerContext): string[] {
  const c = ctx.caller;
  if (c.staffId) return [`s:${c.staffId}`];
  return [c.residentId, ...(c.familyResidentIds ?? [])].filter((x): x is string => !!x).map((r) => `r:${r}`);
}

/** Scope check on the caller's own inbox (the owners derive from the stored caller record). */
function authorizeOwn(ctx: HandlerContext): string[] {
  ctx.authorize(
    ctx.caller.residentId ? { residentId: ctx.caller.residentId } : { userId: ctx.caller.userId ?? '-' },
  );
  return ownersOf(ctx);
}

export async function inboxHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { before?: string; limit: number };
}): Promise<OutputOf<typeof inbox>> {
  const owners = authorizeOwn(ctx);
  if (owners.length === 0) return { items: [], unread: 0 };
  const [items, n] = await Promise.all([
    listForOwners(ctx.db, owners, {
      ...(input.before ? { before: new Date(input.before) } : {}),
      limit: input.limit,
    }),
    unreadCount(ctx.db, owners),
  ]);
  return {
    items: items.map((m) => ({
      messageId: m._id,
      kind: m.kind,
      label: kindLabel(m.kind),
      title: m.title,
      body: m.body,
      ...(m.page ? { page: m.page } : {}),
      read: m.read,
      createdAt: new Date(m.createdAt).toISOString(),
    })),
    unread: n,
  };
}

export async function unreadHandler({ ctx }: { ctx: HandlerContext }): Promise<OutputOf<typeof unread>> {
  const owners = authorizeOwn(ctx);
  return { unread: owners.length ? await unreadCount(ctx.db, owners) : 0 };
}

export async function markReadHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { messageId: string } | { all: true };
}): Promise<OutputOf<typeof markRead>> {
  const owners = ownersOf(ctx);
  if ('all' in input) {
    authorizeOwn(ctx);
    await markAllRead(ctx.db, owners, ctx.now);
  } else {
    const m = await messageById(ctx.db, input.messageId);
    if (!m) refuse('NOT_FOUND');
    // The stored owner decides: a resident's message is checked against the caller's family reach.
    if (m.owner.startsWith('r:')) ctx.authorize({ residentId: m.owner.slice(2) });
    else ctx.authorize(m.owner === `s:${ctx.caller.staffId}` ? { userId: ctx.caller.userId ?? '-' } : {});
    await markOne(ctx.db, m._id, [m.owner], ctx.now);
  }
  return { unread: owners.length ? await unreadCount(ctx.db, owners) : 0 };
}

async function subscriptionsView(ctx: HandlerContext): Promise<OutputOf<typeof subscriptions>> {
  const mine = new Map((await ofUser(ctx.db, ctx.caller.userId ?? '-')).map((s) => [s.template, s]));
  const staff = !!ctx.caller.staffId;
  return {
    items: SUBSCRIBE_TEMPLATE_KEYS.filter((k) => (k === 'workDigest') === staff).map((k) => {
      const t = SUBSCRIBE_TEMPLATES[k];
      const s = mine.get(k);
      return {
        template: k,
        title: t.title,
        reason: t.reason,
        mode: t.mode,
        credits: s?.mode === 'once' ? s.credits : 0,
        on: creditOf(s) !== 'none',
      };
    }),
  };
}

export async function subscriptionsHandler({
  ctx,
}: {
  ctx: HandlerContext;
}): Promise<OutputOf<typeof subscriptions>> {
  authorizeOwn(ctx);
  return subscriptionsView(ctx);
}

/**
 * Records what WeChat's `requestSubscribeMessage` reported as accepted. WeChat itself enforces
 * the real allowance (a send beyond it answers 43101 and the message falls back to the next
 * channel), so an inflated report cannot make us send more than the user allowed.
 */
export async function subscribeHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { accepted: string[] };
}): Promise<OutputOf<typeof subscribe>> {
  authorizeOwn(ctx);
  const userId = ctx.caller.userId;
  const keys = [...new Set(input.accepted.map(templateKeyById).filter((k) => k !== undefined))];
  if (userId && keys.length)
    await inTransaction(ctx.db, async (t) => {
      for (const k of keys)
        await grantInTx(
          t,
          {
            userId,
            ...(ctx.caller.residentId ? { residentId: ctx.caller.residentId } : {}),
            ...(ctx.caller.staffId ? { staffId: ctx.caller.staffId } : {}),
          },
          k,
          ctx.now,
        );
    });
  return subscriptionsView(ctx);
}
