import { inbox, markRead, subscribe, subscriptions, unread } from '@shared/api/scheduler';
import { bind, createGuardedFunction } from '../_lib/guard';
import { identityFrom } from '../_lib/runtime';
import {
  inboxHandler,
  markReadHandler,
  subscribeHandler,
  subscriptionsHandler,
  unreadHandler,
} from './inbox.handler';
import { onTimer } from './run.handler';

const guarded = createGuardedFunction('scheduler', [
  bind(inbox, inboxHandler),
  bind(unread, unreadHandler),
  bind(markRead, markReadHandler),
  bind(subscriptions, subscriptionsHandler),
  bind(subscribe, subscribeHandler),
]);

/**
 * The `scheduler` function: its timer triggers (config.json) run the jobs; calls from the app
 * reach the message-centre actions through the guard. A timer event is honoured only without a
 * caller identity (the platform's timer has none; a user's call always has one).
 */
export async function main(event: unknown, context: unknown): Promise<unknown> {
  const e = event as { Type?: string; TriggerName?: string } | null;
  if (e?.Type === 'Timer' && !identityFrom(context).openid) {
    const id = (context as { request_id?: string } | null)?.request_id ?? `${Date.now()}`;
    return { ok: true, data: await onTimer(e, id) };
  }
  return guarded(event, context);
}
