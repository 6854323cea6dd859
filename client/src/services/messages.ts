// Only types come from @shared/api here (a runtime import of a contract pulls zod into the main package).
import type { OutputOf } from '@shared/api/define';
import type { inbox, markRead, subscribe, subscriptions, unread } from '@shared/api/scheduler';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import Taro from '@tarojs/taro';
import { invoke } from './api';

/** The caller's message centre, newest first (`before` = createdAt of the last one shown). */
export const getInbox = (input: { before?: string; limit?: number } = {}) =>
  invoke<OutputOf<typeof inbox>>('scheduler', 'inbox', input);

/** Unread count for the badge on 我的 → 消息. */
export const getUnread = () => invoke<OutputOf<typeof unread>>('scheduler', 'unread', {});

export const markMessageRead = (messageId: string) =>
  invoke<OutputOf<typeof markRead>>('scheduler', 'markRead', { messageId });

export const markAllRead = () => invoke<OutputOf<typeof markRead>>('scheduler', 'markRead', { all: true });

/** What the caller is subscribed to (credits per template). */
export const getSubscriptions = () =>
  invoke<OutputOf<typeof subscriptions>>('scheduler', 'subscriptions', {});

/**
 * Asks WeChat for permission to send the given templates (must run inside a tap handler, before
 * any other await) and records what was accepted. On H5 there are no subscribe messages: the
 * in-app message centre carries everything, so nothing is asked.
 */
export async function askSubscribe(keys: SubscribeTemplateKey[]): Promise<OutputOf<typeof subscribe> | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  const ids = keys.map((k) => SUBSCRIBE_TEMPLATES[k].id);
  let accepted: string[] = [];
  try {
    const r = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, string>;
    accepted = ids.filter((id) => r[id] === 'accept');
  } catch {
    return null; // refused or not registered: the in-app message centre still gets everything
  }
  return invoke<OutputOf<typeof subscribe>>('scheduler', 'subscribe', { accepted });
}
