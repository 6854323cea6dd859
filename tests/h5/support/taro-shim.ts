// @tarojs/taro for jsdom: the real H5 API implementation (storage on localStorage, navigation
// through the H5 router), which is what the H5 build ships. In the build, a babel plugin rewrites
// `Taro.getStorageSync` into named imports of @tarojs/taro-h5; here the default export is the
// same merge of Taro's core object and the named H5 APIs.
//
// Taro's page-lifecycle hooks need the runtime's page instances, which a component test has not
// got: a rendered page is a page being shown, so useDidShow/useLoad/useReady run on mount, and
// useRouter answers the params a test sets with `setRouterParams`.
import * as TaroH5 from '@tarojs/taro-h5';
import { useEffect, useRef } from 'react';

const core = (TaroH5 as unknown as { default?: object }).default ?? {};

let routerParams: Record<string, string> = {};

/** Sets what `useRouter().params` answers for pages rendered after this call. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

const onMount = (cb: (...args: unknown[]) => unknown, arg?: unknown) => {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    ref.current(arg);
  }, [arg]);
};

export const useDidShow = (cb: () => unknown) => onMount(cb);
export const useLoad = (cb: (params: Record<string, string>) => unknown) =>
  onMount(cb as (...args: unknown[]) => unknown, routerParams);
export const useReady = (cb: () => unknown) => onMount(cb);
export const useLaunch = (cb: () => unknown) => onMount(cb);
export const useDidHide = (_cb: () => unknown) => undefined;
export const useUnload = (_cb: () => unknown) => undefined;
export const useRouter = () => ({ params: routerParams, path: '' });

const hooks = { useDidShow, useLoad, useReady, useLaunch, useDidHide, useUnload, useRouter };
const Taro = Object.assign(Object.create(core), TaroH5, hooks) as typeof TaroH5 & typeof hooks;
export default Taro;
export * from '@tarojs/taro-h5';
