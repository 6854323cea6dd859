import { createHash, randomBytes } from 'node:crypto';
import { PLATE_TOKEN_BYTES } from '@shared/grid';

/** A door-plate token: 144 random bits, base64url (24 characters, a valid WeChat scene). */
export const newPlateToken = (): string => randomBytes(PLATE_TOKEN_BYTES).toString('base64url');

/**
 * The id of what a request creates, derived from the caller and the client's request id: a
 * resend of the same request (offline queue, double tap) lands on the same document.
 */
export const requestDocId = (prefix: string, userId: string, requestId: string): string =>
  `${prefix}_${createHash('sha256').update(`${userId}:${requestId}`).digest('hex').slice(0, 28)}`;
