import type { ErrorCode } from '../constants/errors';

/** What a domain rule returns: the new value, or a stable error code (never a thrown error). */
export type Result<T, C extends ErrorCode = ErrorCode> = { ok: true; value: T } | { ok: false; code: C };

/** Success. */
export const success = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Failure with a stable code. */
export const failure = <C extends ErrorCode>(code: C): { ok: false; code: C } => ({ ok: false, code });
