import type { TPingOutput } from '@shared/api/system';
import { invoke } from './api';

/** Health check of the backend path: page → transport → function → envelope. */
export function ping(): Promise<TPingOutput> {
  return invoke<TPingOutput>('ping', 'ping');
}
