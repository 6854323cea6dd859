import type { Envelope, FieldIssue } from '@shared/api/envelope';
import { callFunction } from './transport';

/** Error surfaced to pages: a stable code and a Chinese message fit to show. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Field-level problems from the shared contract's zod schema (BAD_INPUT), in Chinese. */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Domain refusals that belong to one field of a form, so the message goes next to that field
 * instead of into a banner (ID_CHECKSUM → idNumber).
 */
const CODE_FIELD: Record<string, string> = {
  ID_FORMAT: 'idNumber',
  ID_REGION: 'idNumber',
  ID_DATE: 'idNumber',
  ID_FUTURE: 'idNumber',
  ID_CHECKSUM: 'idNumber',
  ID_ALREADY_REGISTERED: 'idNumber',
  MOBILE_FORMAT: 'mobile',
  IDENTITY_MISMATCH: 'name',
  CONSENT_REQUIRED: 'consent',
  REGION_NOT_FOUND: 'residence.regionId',
  START_IN_PAST: 'preferredDay',
  REASON_REQUIRED: 'reason',
};

/**
 * Splits an error into per-field messages and what is left for the banner: zod issues by their
 * path (first message per field), a field-shaped domain code by CODE_FIELD, anything else general.
 */
export function fieldErrors(e: unknown): { fields: Record<string, string>; general: string } {
  if (!(e instanceof ApiError)) return { fields: {}, general: (e as Error)?.message ?? String(e) };
  if (e.issues.length > 0) {
    const fields: Record<string, string> = {};
    for (const i of e.issues) fields[i.path || '_'] ??= i.message;
    const general = fields._ ?? '';
    delete fields._;
    return { fields, general };
  }
  const field = CODE_FIELD[e.code];
  return field ? { fields: { [field]: e.message }, general: '' } : { fields: {}, general: e.message };
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

/** Calls `fn.action` and unwraps the envelope; every page-facing service goes through here. */
export async function invoke<T>(fn: string, action: string, input: unknown = {}): Promise<T> {
  let result: unknown;
  try {
    result = await callFunction(fn, { action, input });
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'NETWORK';
    throw new ApiError(code, NETWORK_MESSAGE);
  }
  const envelope = result as Envelope<T> | undefined;
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('BAD_RESPONSE', '服务返回了无法识别的结果');
  }
  if (!envelope.ok) throw new ApiError(envelope.code, envelope.message, envelope.issues ?? []);
  return envelope.data;
}
