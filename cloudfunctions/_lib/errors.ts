import type { ErrorCode } from '@shared/constants/errors';

/**
 * A refusal a handler raises with a stable code; the guard turns it into the failure envelope
 * with the code's Chinese message. Anything else thrown is a bug and answers INTERNAL.
 */
export class ActionError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Throws the stable code (reads as `refuse('NOT_VERIFIED')` in handlers). */
export function refuse(code: ErrorCode): never {
  throw new ActionError(code);
}

/** The emulator and CloudBase report a unique-index clash with this code. */
export const isDuplicateWrite = (e: unknown): boolean =>
  (e as { code?: string } | null)?.code === 'DATABASE_DUPLICATE_WRITE';
