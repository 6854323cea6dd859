/**
 * Which channel carries a message beyond the in-app message centre (which every message reaches),
 * decided by rule and recorded on the outbox entry. Order: a WeChat subscribe message when the
 * recipient holds a credit for its template (a one-time credit is consumed; a long-term
 * acceptance is not) → an SMS when the kind is one that matters enough to text, SMS is configured
 * and the recipient has a mobile number → the in-app message alone.
 */
export const CHANNELS = ['subscribe', 'sms', 'inapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Kinds worth a text message when WeChat cannot carry them (time-bound, for the resident). */
export const SMS_KINDS: ReadonlySet<string> = new Set([
  'appointment.reminder',
  'contract.renewal',
  'contract.expired',
  'care.followupDue',
]);

export type ChannelFacts = {
  kind: string;
  /** The message names a subscribe template. */
  hasTemplate: boolean;
  /** The recipient account's openid is known. */
  hasOpenid: boolean;
  /** Credit for the template: a one-time count > 0, or a long-term acceptance. */
  credit: 'once' | 'long' | 'none';
  smsConfigured: boolean;
  hasMobile: boolean;
  /** Channels already tried for this message and failed for good (e.g. credit withdrawn). */
  failed?: readonly Channel[];
};

export type ChannelChoice = { channel: Channel; reason: string };

/** The channel rule (see module comment); `reason` is recorded with the choice. */
export function chooseChannel(f: ChannelFacts): ChannelChoice {
  const failed = new Set(f.failed ?? []);
  if (!failed.has('subscribe') && f.hasTemplate && f.hasOpenid && f.credit !== 'none')
    return {
      channel: 'subscribe',
      reason: f.credit === 'long' ? 'long-term subscription' : 'one-time credit',
    };
  const why = !f.hasTemplate
    ? 'no template'
    : !f.hasOpenid
      ? 'no account'
      : failed.has('subscribe')
        ? 'subscribe failed'
        : 'no credit';
  if (!failed.has('sms') && SMS_KINDS.has(f.kind) && f.smsConfigured && f.hasMobile)
    return { channel: 'sms', reason: `${why}; sms` };
  return { channel: 'inapp', reason: `${why}; in-app only` };
}

/** Attempts before an entry is dead-lettered, and the back-off between them (ms). */
export const DELIVERY_RETRY = {
  maxAttempts: 5,
  backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000],
} as const;

/** When a failed attempt number `attempts` (1-based) may be retried, or null when it is dead. */
export function retryAt(attempts: number, now: Date): Date | null {
  if (attempts >= DELIVERY_RETRY.maxAttempts) return null;
  const b = DELIVERY_RETRY.backoffMs;
  return new Date(now.getTime() + (b[Math.min(attempts - 1, b.length - 1)] ?? 60_000));
}
