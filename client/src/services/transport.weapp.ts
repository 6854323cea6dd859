// WeChat transport: wx.cloud carries the caller's openid to the function in its context.
import Taro from '@tarojs/taro';
import type { CallFunction } from './types';

/** Initialises wx.cloud once at launch with the build-time env id. */
export function initTransport(): void {
  Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
}

/** Calls a cloud function through wx.cloud.callFunction. */
export const callFunction: CallFunction = async (name, data) => {
  const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
  return res.result;
};
