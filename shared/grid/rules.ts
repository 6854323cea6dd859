import { ACK_DEADLINE_MS, PLATE_TOKEN_RE, type ReportKind, type ReportStatus } from './config';

/** When the team must have acknowledged a report made at `at`. */
export const ackDueAt = (kind: ReportKind, at: Date): Date => new Date(at.getTime() + ACK_DEADLINE_MS[kind]);

/** A report not yet acknowledged past its deadline. */
export const isOverdue = (r: { status: ReportStatus; ackDueAt: Date | string }, now: Date): boolean =>
  r.status === 'open' && new Date(r.ackDueAt).getTime() < now.getTime();

/**
 * The token inside whatever a scanner read: the bare token, a mini-program path with
 * `?scene=<token>`, or an H5 link with `t=<token>`. Undefined when nothing token-shaped is there.
 */
export function tokenFromScan(text: string): string | undefined {
  const raw = text.trim();
  if (PLATE_TOKEN_RE.test(raw)) return raw;
  const m = /[?&](?:scene|t)=([^&#\s]+)/.exec(raw);
  if (!m?.[1]) return undefined;
  const v = decodeURIComponent(m[1]);
  return PLATE_TOKEN_RE.test(v) ? v : undefined;
}

/** A name shown on a household card: family name and last character only (张*兰, 李*). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
