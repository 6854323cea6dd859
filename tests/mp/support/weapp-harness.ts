// Loads the built dist/weapp app in miniprogram-simulate: fakes the WeChat globals that Taro's
// runtime needs (App, Page, getApp, getCurrentPages, wx.*), runs app.js, then renders a page as
// a component so tests can read the text WeChat would show.
import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const weappRoot = path.resolve(__dirname, '../../../dist/weapp');

type AnyFn = (...args: unknown[]) => unknown;
type Def = Record<string, unknown> & { data?: Record<string, unknown> };

export type CloudCall = { name: string; data: unknown };

/** Installs the fake WeChat environment; `cloud` answers wx.cloud.callFunction. */
export function installWeapp(cloud: (call: CloudCall) => Promise<unknown>) {
  const storage = new Map<string, unknown>();
  const calls: CloudCall[] = [];
  const navigations: string[] = [];
  let appDef: Def | undefined;
  const pages: Def[] = [];
  const ok = (o?: { url?: string; success?: AnyFn; complete?: AnyFn }) => {
    o?.success?.({ errMsg: 'ok' });
    o?.complete?.({ errMsg: 'ok' });
    return Promise.resolve({ errMsg: 'ok' });
  };
  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      pixelRatio: 2,
      SDKVersion: '3.6.0',
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    switchTab: (o: { url: string }) => {
      navigations.push(o.url);
      return ok(o);
    },
    navigateTo: (o: { url: string }) => {
      navigations.push(o.url);
      return ok(o);
    },
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    env: { USER_DATA_PATH: 'http://usr' },
    // The bundle's own chunk registry lives on wx; it is not an API.
    webpackJsonp: undefined,
    cloud: {
      init: () => undefined,
      callFunction: async (o: { name: string; data: unknown }) => {
        calls.push({ name: o.name, data: o.data });
        return { result: await cloud({ name: o.name, data: o.data }), errMsg: 'cloud.callFunction:ok' };
      },
    },
  };
  // Record what the runtime asks for that we did not fake: a missing fake should be visible.
  const missing = new Set<string>();
  const wxProxy = new Proxy(wx, {
    get: (t, k: string) => {
      if (!(k in t)) missing.add(k);
      return t[k];
    },
  });
  const fakeApp = (def: Def) => {
    appDef = def;
  };
  const fakePage = (def: Def) => {
    pages.push(def);
  };
  // j-component's WXML runtime warns about Taro's recursive templates it cannot resolve (the
  // built page still renders); the warning prints a whole minified bundle, so keep it out of logs.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('WXMLRT_')) return;
    warn(...args);
  };
  Object.assign(globalThis, {
    wx: wxProxy,
    App: fakeApp,
    getApp: () => appDef,
    Page: fakePage,
    getCurrentPages: () => [],
    requirePlugin: () => ({}),
  });
  return { storage, calls, navigations, missing, app: () => appDef, pages };
}

/** Runs the built app.js and fires onLaunch/onShow as WeChat would on a cold start. */
export function launchApp(env: ReturnType<typeof installWeapp>, entry = 'pages/index/index') {
  require(path.join(weappRoot, 'app.js'));
  const app = env.app();
  if (!app) throw new Error('app.js did not call App()');
  const launch = { path: entry, query: {}, scene: 1001 };
  (app.onLaunch as AnyFn | undefined)?.call(app, launch);
  (app.onShow as AnyFn | undefined)?.call(app, launch);
  return app;
}

/**
 * Renders one built page: its Page() definition is replayed as a component so j-component can
 * render the page's wxml (Taro's base templates and `comp`), then onLoad/onShow/onReady run.
 * Each page can be rendered once per test file: its built chunk registers with webpack only once.
 */
export async function renderPage(route: string) {
  const pagePath = path.join(weappRoot, route);
  const realPage = (globalThis as unknown as { Page: (d: Def) => void }).Page;
  let def: Def | undefined;
  (globalThis as unknown as { Page: (d: Def) => void }).Page = (d: Def) => {
    def = d;
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) if (typeof v === 'function') methods[k] = v;
    (globalThis as unknown as { Component: (o: unknown) => void }).Component({
      data: d.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, AnyFn | string>) {
          this.route = route;
          this.__route__ = route;
          (this.onLoad as AnyFn).call(this, {});
          (this.onShow as AnyFn | undefined)?.call(this);
        },
        ready(this: Record<string, AnyFn>) {
          this.onReady?.call(this);
        },
      },
    });
  };
  const id = simulate.load(pagePath, { rootPath: weappRoot });
  (globalThis as unknown as { Page: (d: Def) => void }).Page = realPage;
  if (!def) throw new Error(`${route}.js did not call Page()`);
  const page = simulate.render(id, {});
  page.attach(document.createElement('parent-wrapper'));
  // Taro renders asynchronously after onLoad; callers wait for the text they expect.
  await simulate.sleep(50);
  return page;
}

/** Waits until the rendered page shows `text` (Taro updates arrive asynchronously), or fails. */
export async function waitForText(
  page: { dom?: HTMLElement },
  text: string,
  timeoutMs = 5000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = page.dom?.textContent ?? '';
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`page never showed "${text}"; it shows: ${shown}`);
    await simulate.sleep(25);
  }
}

/** Waits until the page renders any visible text at all, or fails. */
export async function waitForAnyText(page: { dom?: HTMLElement }, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = (page.dom?.textContent ?? '').trim();
    if (shown) return shown;
    if (Date.now() > deadline) throw new Error('page rendered no text');
    await simulate.sleep(25);
  }
}
