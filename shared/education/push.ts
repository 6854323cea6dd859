import { type Day, weekOf } from '../time';

/**
 * Deterministic ids that make a push idempotent and capped (CLOUDBASE_WIRE: no partial unique
 * indexes, so "once per resident" is a document whose _id says so, written in a transaction).
 * - delivery `<articleId>__<residentId>`: exists with `pushedAt` → never pushed again;
 * - weekly counter `<residentId>__W<monday>`: at most `maxPushesPerWeek` whoever pushes.
 */
export const deliveryId = (articleId: string, residentId: string): string => `${articleId}__${residentId}`;

/** The resident's push counter for the Monday-to-Sunday Shanghai week containing `day`. */
export const weeklyCounterId = (residentId: string, day: Day): string => `${residentId}__${weekOf(day).key}`;

/** The in-app inbox entry of a delivery (same key: one entry per article per resident). */
export const inboxMessageId = (articleId: string, residentId: string): string =>
  `edu__${articleId}__${residentId}`;

/** Outbox dedupe key of the WeChat subscribe message announcing a pushed article. */
export const pushOutboxId = (articleId: string, residentId: string): string =>
  `education:${articleId}:${residentId}`;

/** Outbox dedupe key of a live-session reminder for one registration. */
export const liveReminderId = (sessionId: string, residentId: string): string =>
  `live:${sessionId}:${residentId}:reminder`;

/** Why a resident of the audience was not pushed this time. */
export const PUSH_OUTCOMES = ['delivered', 'already_pushed', 'weekly_cap'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];

/** The decision for one resident, from the two documents read in the transaction. */
export const decidePush = (
  alreadyPushed: boolean,
  pushesThisWeek: number,
  maxPushesPerWeek: number,
): PushOutcome => {
  if (alreadyPushed) return 'already_pushed';
  if (pushesThisWeek >= maxPushesPerWeek) return 'weekly_cap';
  return 'delivered';
};
