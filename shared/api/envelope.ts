/** Result envelope every cloud function answers with: never a thrown stack to the client. */
export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; code: string; message: string; issues?: FieldIssue[] };
export type Envelope<T> = Ok<T> | Err;

/** One field-level validation problem, message in Simplified Chinese. */
export type FieldIssue = { path: string; message: string };

/** Wraps a success value. */
export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });

/** Wraps a failure with a stable code and a user-facing Chinese message. */
export const err = (code: string, message: string, issues?: FieldIssue[]): Err =>
  issues && issues.length > 0 ? { ok: false, code, message, issues } : { ok: false, code, message };
