import type { Envelope } from '@shared/api/envelope';
import { callFunction } from './transport';

/** Error surfaced to pages: a stable code and a Chinese message fit to show. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
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
  if (!envelope.ok) throw new ApiError(envelope.code, envelope.message);
  return envelope.data;
}
