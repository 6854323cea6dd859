import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { type EmulatorHandle, type EmulatorOptions, startEmulator } from '../../emulator/src/index';

export const TEST_ENV_ID = 'local-dev';

/**
 * Environment that stops the SDK probing a cloud metadata host (two 30 ms time-outs per request
 * and a process kept alive ~20 s). Set before any SDK call in tests.
 */
export function ensureSdkEnv(): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
  process.env.TENCENTCLOUD = 'true';
  process.env.SCF_NAMESPACE ??= TEST_ENV_ID;
}

/** The environment a deployed function gets, pointing production-style SDK init at `url`. */
export function functionEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TCB_ENV: TEST_ENV_ID,
    SCF_NAMESPACE: TEST_ENV_ID,
    TCB_CONTEXT_KEYS: 'TCB_ENV',
    TENCENTCLOUD_SECRETID: 'test-secret-id',
    TENCENTCLOUD_SECRETKEY: 'test-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD: 'true',
    ...extra,
  };
}

/**
 * An SDK app initialised exactly as production function code does
 * (`cloudbase.init({ env: SYMBOL_CURRENT_ENV })`), routed to the emulator through
 * TCB_CONTEXT_CNFG. Sets those variables on this process (tests run one file per worker).
 */
export function contextApp(url: string) {
  Object.assign(process.env, functionEnv(url));
  return cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });
}

export type TestEmulator = EmulatorHandle & {
  dataDir: string;
  /** SDK app pointed at the emulator with `serviceUrl`. */
  sdkApp(): ReturnType<typeof cloudbase.init>;
  /** POST /fn/<name> as the H5 client does. */
  callFn(name: string, event: unknown, openid?: string): Promise<Record<string, unknown>>;
  /** GET a JSON endpoint of the emulator (e.g. '/_emulator/api/invocations'). */
  getJson<T = unknown>(pathname: string): Promise<T>;
};

export const FIXTURE_FUNCTIONS = path.join(__dirname, '..', 'emulator', 'fixtures', 'functions');

/**
 * Starts an emulator on a random port with a temporary data folder (timers off unless asked).
 * `close()` also removes the data folder unless `dataDir` was given.
 */
export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  ensureSdkEnv();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jy-emu-'));
  const emu = await startEmulator({
    port: 0,
    // JY_EMU_LOGS=1 shows the functions' own logs (e.g. a [guard] output mismatch behind INTERNAL).
    quiet: process.env.JY_EMU_LOGS !== '1',
    timers: false,
    envId: TEST_ENV_ID,
    ...opts,
    dataDir,
  });
  return {
    ...emu,
    dataDir,
    sdkApp: () =>
      cloudbase.init({
        env: TEST_ENV_ID,
        secretId: 'test-secret-id',
        secretKey: 'test-secret-key',
        serviceUrl: `${emu.url}/admin`,
        protocol: 'http',
      } as Parameters<typeof cloudbase.init>[0]),
    async callFn(name, event, openid) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers['x-jy-openid'] = openid;
      const res = await fetch(`${emu.url}/fn/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    async getJson<T>(pathname: string) {
      const res = await fetch(emu.url + pathname);
      return (await res.json()) as T;
    },
    async close() {
      await emu.close();
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
