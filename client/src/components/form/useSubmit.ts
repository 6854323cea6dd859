import { useCallback, useRef, useState } from 'react';
import { fieldErrors } from '../../services/api';
import { newRequestId } from '../../services/requestId';

export type SubmitState = {
  /** True while the request is in flight: the button shows loading and is disabled. */
  busy: boolean;
  /** Messages to show next to each field, keyed by the contract's field path. */
  fields: Record<string, string>;
  /** A message that belongs to no field (network, a domain refusal). */
  error: string;
};

/**
 * The one rule every submitting button follows (issue 12):
 * - a second tap while the first is in flight does nothing (a ref, so even two taps in the same
 *   tick before React re-renders send one request);
 * - one request id per intent, reused by a retry after a failure, renewed after a success;
 * - refusals listed in `idempotent` (the server saying "already done", e.g. ALREADY_BOOKED after
 *   a retried booking) count as success;
 * - field problems go next to their fields, the rest into one message.
 * `check` runs first and may return field messages (what is missing) without calling the server.
 */
export function useSubmit<T>(
  run: (requestId: string) => Promise<T>,
  opts: {
    check?: () => Record<string, string> | undefined;
    onDone?: (result: T | undefined) => void | Promise<void>;
    idempotent?: readonly string[];
  } = {},
) {
  const inFlight = useRef(false);
  const requestId = useRef(newRequestId());
  const [state, setState] = useState<SubmitState>({ busy: false, fields: {}, error: '' });
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const runRef = useRef(run);
  runRef.current = run;

  const submit = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    const missing = optsRef.current.check?.();
    if (missing && Object.keys(missing).length > 0) {
      setState({ busy: false, fields: missing, error: '' });
      return false;
    }
    inFlight.current = true;
    setState({ busy: true, fields: {}, error: '' });
    try {
      let result: T | undefined;
      try {
        result = await runRef.current(requestId.current);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (!code || !optsRef.current.idempotent?.includes(code)) throw e;
      }
      requestId.current = newRequestId();
      setState({ busy: false, fields: {}, error: '' });
      await optsRef.current.onDone?.(result);
      return true;
    } catch (e) {
      const { fields, general } = fieldErrors(e);
      setState({ busy: false, fields, error: general });
      return false;
    } finally {
      inFlight.current = false;
    }
  }, []);

  const clearField = useCallback(
    (path: string) =>
      setState((s) => {
        if (!(path in s.fields)) return s;
        const { [path]: _, ...rest } = s.fields;
        return { ...s, fields: rest };
      }),
    [],
  );
  return { ...state, submit, clearField };
}
