// Functions: SDK invokeFunction and the H5 gateway, identity from the CloudBase context only,
// isolation between concurrent callers, nested calls, errors, time-outs, rebuilds, metrics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isLoopback } from '../../emulator/src/index';
import { contextApp, FIXTURE_FUNCTIONS, startTestEmulator, type TestEmulator } from '../support/emulator';

type Invocation = {
  id: string;
  fn: string;
  source: string;
  dbRequests: number;
  parentId?: string;
  openid: string;
};

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS });
});
afterAll(async () => {
  await emu.close();
});

test('SDK callFunction runs the handler with the deployed-function environment and no user', async () => {
  const app = emu.sdkApp();
  const r = await app.callFunction({ name: 'whoami', data: { tag: 'sdk' } });
  expect(r.result).toMatchObject({ openid: '', env: 'local-dev', echo: 'sdk' });
});

test('callFunction also works through the TCB_CONTEXT_CNFG route a deployed function uses', async () => {
  const r = await contextApp(emu.url).callFunction({ name: 'whoami', data: { tag: 'ctx' } });
  expect(r.result).toMatchObject({ openid: '', env: 'local-dev', echo: 'ctx' });
  await expect(contextApp(emu.url).callFunction({ name: 'missing', data: {} })).rejects.toMatchObject({
    code: 'FUNCTION_NOT_FOUND',
  });
});

test('the gateway delivers the caller identity through context, env and getUserInfo — never the body', async () => {
  const r = await emu.callFn('whoami', { tag: 'gw', openid: 'forged' }, 'o-alice');
  expect(r).toEqual({
    result: {
      openid: 'o-alice',
      appid: 'wx-local-appid',
      envOpenid: 'o-alice',
      laterOpenid: 'o-alice',
      userInfoOpenid: 'o-alice',
      env: 'local-dev',
      echo: 'gw',
      unionid: '',
    },
  });
});

test('concurrent invocations for different callers never see each other', async () => {
  const callers = Array.from({ length: 16 }, (_x, i) => `o-user-${i}`);
  const results = await Promise.all(
    callers.map((o, i) => emu.callFn('whoami', { delayMs: 20 + ((i * 37) % 120) }, o)),
  );
  results.forEach((r, i) => {
    const got = r.result as Record<string, string>;
    expect([got.openid, got.envOpenid, got.laterOpenid, got.userInfoOpenid]).toEqual(
      Array(4).fill(callers[i]),
    );
  });
});

test('a nested callFunction keeps the caller identity', async () => {
  const r = await emu.callFn('nested', {}, 'o-bob');
  const result = r.result as { outer: string; inner: Record<string, string> };
  expect(result.outer).toBe('o-bob');
  expect(result.inner).toMatchObject({
    openid: 'o-bob',
    envOpenid: 'o-bob',
    userInfoOpenid: 'o-bob',
    echo: 'inner',
  });
  const invs = await emu.getJson<Invocation[]>('/_emulator/api/invocations');
  const inner = invs.filter((i) => i.fn === 'whoami' && i.source === 'nested').at(-1)!;
  const outer = invs.find((i) => i.id === inner.parentId)!;
  expect(outer.fn).toBe('nested');
});

test('a throwing handler gives the caller code + message; the stack goes to the emulator log', async () => {
  const r = await emu.callFn('boom', { action: 'explode' }, 'o-carol');
  expect(r).toEqual({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'kaboom: something broke inside' });
  await expect(emu.sdkApp().callFunction({ name: 'boom', data: {} })).rejects.toMatchObject({
    code: 'FUNCTIONS_EXECUTE_FAIL',
    message: 'kaboom: something broke inside',
  });
  const log = await emu.getJson<string[]>('/_emulator/api/log');
  expect(log.some((l) => l.includes('kaboom') && l.includes('boom/index.js'))).toBe(true);
  // The gateway still answers afterwards.
  expect((await emu.callFn('whoami', {}, 'o-carol')).result).toMatchObject({ openid: 'o-carol' });
});

test('unknown functions, malformed gateway bodies and time-outs answer clean errors', async () => {
  expect(await emu.callFn('nope', {})).toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
  expect(await emu.callFn('..%2Fboom', {})).toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
  const bad = await fetch(`${emu.url}/fn/whoami`, { method: 'POST', body: '{"action":' });
  expect(bad.status).toBe(200);
  expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM' });
  const started = Date.now();
  expect(await emu.callFn('slow', {})).toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' });
  expect(Date.now() - started).toBeLessThan(4000);
});

test('metrics: each invocation counts its own database requests', async () => {
  const r = await emu.callFn('dbwork', { n: 3 }, 'o-dave');
  expect(r.result).toEqual({ total: 3 });
  await emu.callFn('dbwork', { n: 1 }, 'o-erin');
  const invs = await emu.getJson<Invocation[]>('/_emulator/api/invocations?fn=dbwork');
  expect(invs.map((i) => [i.openid, i.dbRequests])).toEqual([
    ['o-dave', 4],
    ['o-erin', 2],
  ]);
});

test('the clock offset reaches serverDate and the time function code reads', async () => {
  const res = await fetch(`${emu.url}/_emulator/api/clock`, {
    method: 'POST',
    body: JSON.stringify({ spec: '+90d' }),
  });
  expect(((await res.json()) as { offsetMs: number }).offsetMs).toBe(90 * 86400e3);
  try {
    const r = (await emu.callFn('clockfn', {})).result as { now: string; serverDate: string };
    const ahead = 90 * 86400e3;
    expect(Math.abs(Date.parse(r.now) - Date.now() - ahead)).toBeLessThan(5000);
    expect(Math.abs(Date.parse(r.serverDate) - Date.now() - ahead)).toBeLessThan(5000);
  } finally {
    await fetch(`${emu.url}/_emulator/api/clock`, {
      method: 'POST',
      body: JSON.stringify({ spec: 'reset' }),
    });
  }
  const r = (await emu.callFn('clockfn', {})).result as { now: string };
  expect(Math.abs(Date.parse(r.now) - Date.now())).toBeLessThan(5000);
});

test('a rebuilt function is picked up without restarting', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-fns-'));
  const local = await startTestEmulator({ functionsDir: dir });
  try {
    fs.mkdirSync(path.join(dir, 'ver'));
    const write = (v: number) =>
      fs.writeFileSync(
        path.join(dir, 'ver', 'index.js'),
        `exports.main = async () => ({ version: ${v} });\n`,
      );
    write(1);
    expect(await local.callFn('ver', {})).toEqual({ result: { version: 1 } });
    write(2);
    // mtime resolution can be coarse; make sure the file looks changed.
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(path.join(dir, 'ver', 'index.js'), later, later);
    expect(await local.callFn('ver', {})).toEqual({ result: { version: 2 } });
  } finally {
    await local.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CORS is granted to loopback origins only', async () => {
  const pre = (origin: string) =>
    fetch(`${emu.url}/fn/whoami`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-jy-openid',
      },
    });
  const ok = await pre('http://localhost:10086');
  expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
  expect(ok.headers.get('access-control-allow-headers')).toContain('x-jy-openid');
  const evil = await pre('http://evil.example.com');
  expect(evil.headers.get('access-control-allow-origin')).toBeNull();
});

test('identity headers are refused from non-loopback clients', async () => {
  expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('::ffff:127.0.0.1')]).toEqual([
    true,
    true,
    true,
  ]);
  expect([isLoopback('192.0.2.2'), isLoopback('::ffff:10.0.0.1'), isLoopback(undefined)]).toEqual([
    false,
    false,
    false,
  ]);
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (!external) return; // no second interface here; the address check above covers the rule
  const open = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, host: '0.0.0.0' });
  try {
    const url = `http://${external}:${open.port}/fn/whoami`;
    const withId = await fetch(url, { method: 'POST', headers: { 'x-jy-openid': 'o-mallory' }, body: '{}' });
    expect(withId.status).toBe(403);
    const up = await fetch(`http://${external}:${open.port}/storage/upload?cloudPath=x.png`, {
      method: 'POST',
      body: 'x',
    });
    expect(up.status).toBe(403);
  } finally {
    await open.close();
  }
});
