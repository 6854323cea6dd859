import { z } from '../../api/zod';
import { CHANNELS } from '../../messaging/channels';

/**
 * One message to deliver, written in the same transaction as the change it announces (a
 * transactional outbox). Its `_id` is the dedupe key (`reminder:<appointmentId>:eve`,
 * `contract:<id>:confirmed` …), so a retried or replayed action never queues it twice. The
 * scheduler delivers it through the channels a rule in shared/ picks (subscribe message, SMS,
 * in-app inbox) and records each attempt. Template ids are looked up at send time from
 * `shared/wx/subscribe-templates.ts`, never copied here.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const ZOutboxRecipient = z.object({
  /** A resident (the inbox and subscribe credits live on the resident's account holder). */
  residentId: z.string().optional(),
  /** A staff member (digests, pending-request alerts). */
  staffId: z.string().optional(),
  /** A user document, when known (the account that holds subscribe credits). */
  userId: z.string().optional(),
});

export const ZOutboxDoc = z.object({
  _id: z.string().min(1),
  /** What happened, e.g. `contract.confirmed`, `appointment.reminder`; picks the template and channel rule. */
  kind: z.string().min(1),
  /** Subscribe template key (a key of SUBSCRIBE_TEMPLATES), when the message has one. */
  template: z.string().optional(),
  to: ZOutboxRecipient,
  /** In-app title and body, Chinese, no ID numbers, phones or health values. */
  title: z.string(),
  body: z.string(),
  /**
   * Values by meaning (`resident`, `time`, `place` …), full length; the template mapping and
   * WeChat's per-type truncation are applied at send time (shared/messaging/fit.ts).
   */
  data: z.record(z.string(), z.string()).default({}),
  /** Mini-program page the message opens. */
  page: z.string().optional(),
  /** Not delivered before this instant (e.g. a reminder's send time). */
  sendAfter: z.date(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().min(0),
  /** Related record, so a cancelled booking can withdraw its reminders by key. */
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
  createdAt: z.date(),
  updatedAt: z.date().optional(),
  lastError: z.string().optional(),
  /**
   * The producer wrote the in-app copy itself, in its own transaction (education's push writes
   * `messages/<article>__<resident>`): the scheduler then only carries the other channels.
   */
  inappWritten: z.boolean().optional(),
  // Delivery state, written by the scheduler only (docs/messaging.md).
  /** The run holding the entry while `sending`, and until when; an expired lease is reclaimed. */
  leaseOwner: z.string().optional(),
  leaseUntil: z.date().optional(),
  /** The channel the rule in shared/messaging/channels.ts chose beyond the in-app copy, and why. */
  channel: z.enum(CHANNELS).optional(),
  channelReason: z.string().optional(),
  sentAt: z.date().optional(),
});
export type OutboxDoc = z.infer<typeof ZOutboxDoc>;
/** What a producer writes; status, attempts and timestamps are filled in by the repository. */
export type OutboxMessage = Omit<
  OutboxDoc,
  | 'status'
  | 'attempts'
  | 'createdAt'
  | 'updatedAt'
  | 'lastError'
  | 'data'
  | 'sendAfter'
  | 'leaseOwner'
  | 'leaseUntil'
  | 'channel'
  | 'channelReason'
  | 'sentAt'
> & {
  data?: Record<string, string>;
  sendAfter?: Date;
};
