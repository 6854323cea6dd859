// H5 transport (also the default for tests): HTTP to the local function gateway. The weapp build
// picks transport.weapp.ts instead, so pages never know which backend they talk to.
import Taro from '@tarojs/taro';
import { DEMO_OPENID_KEY } from './demo';
import type { CallFunction } from './types';

export { DEMO_OPENID_KEY };

/** Nothing to initialise on H5: the gateway is same-origin (or GATEWAY_BASE in dev). */
export function initTransport(): void {}

function gatewayBase(): string {
  return typeof GATEWAY_BASE === 'string' ? GATEWAY_BASE : '';
}

/** Calls a cloud function through the emulator gateway as the demo identity chosen at login. */
export const callFunction: CallFunction = async (name, data) => {
  const openid = Taro.getStorageSync(DEMO_OPENID_KEY);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof openid === 'string' && openid) headers['x-jy-openid'] = openid;
  const res = await fetch(`${gatewayBase()}/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(data),
  });
  const body = (await res.json()) as { result?: unknown; code?: string; message?: string };
  if (body.code) throw Object.assign(new Error(body.message ?? body.code), { code: body.code });
  return body.result;
};
