// What CloudBase refuses or withholds, the emulator refuses or withholds too: a function sees only
// the platform's variables plus those declared for it in cloudbaserc.json, and a hostile, deeply
// nested JSON body is refused at once without occupying a worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_JSON_DEPTH } from '../../emulator/src/json';
import { FIXTURE_FUNCTIONS, startTestEmulator, type TestEmulator } from '../support/emulator';

let emu: TestEmulator;
let rcDir: string;

beforeAll(async () => {
  rcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-rc-'));
  const rcFile = path.join(rcDir, 'cloudbaserc.json');
  fs.writeFileSync(
    rcFile,
    JSON.stringify({
      functions: [
        {
          name: 'envdump',
          envVariables: { JY_TEST_DECLARED: '{{testDeclared}}', JY_TEST_LITERAL: 'fixed-value' },
        },
      ],
    }),
  );
  process.env.JY_TEST_DECLARED = 'local-declared-value';
  process.env.JY_TEST_HOST_ONLY = 'must-not-leak';
  process.env.JY_PII_KEY ??= 'f'.repeat(64);
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, rcFile });
});
afterAll(async () => {
  await emu.close();
  fs.rmSync(rcDir, { recursive: true, force: true });
  delete process.env.JY_TEST_DECLARED;
  delete process.env.JY_TEST_HOST_ONLY;
});

type Dump = { names: string[]; declared: string | null; literal: string | null; hostOnly: string | null };

describe('function environment', () => {
  it('gives a function only the platform variables and those declared for it', async () => {
    const r = (await emu.callFn('envdump', {})).result as Dump;
    expect(r.declared).toBe('local-declared-value');
    expect(r.literal).toBe('fixed-value');
    expect(r.hostOnly).toBeNull();
    expect(r.names).not.toContain('JY_PII_KEY');
    expect(r.names).not.toContain('JY_TEST_HOST_ONLY');
    expect(r.names).toEqual(expect.arrayContaining(['TCB_CONTEXT_CNFG', 'SCF_NAMESPACE', 'WX_OPENID']));
    // Nothing else of the host's environment (the test runner's own variables) reaches it.
    const ours = r.names.filter(
      (n) =>
        !/^(WX_|TCB_|TENCENTCLOUD|SCF_|JY_CLOCK_OFFSET_MS$|PATH$|TZ$|LANG$|HOME$|TMPDIR$)/.test(n) &&
        !['JY_TEST_DECLARED', 'JY_TEST_LITERAL'].includes(n),
    );
    expect(ours).toEqual([]);
  });

  it('gives an undeclared function none of our variables', async () => {
    const r = (await emu.callFn('whoami', {})).result as Record<string, unknown>;
    expect(r.openid).toBe('');
    const dumpOther = (await emu.callFn('envdump', {})).result as Dump;
    expect(dumpOther.names).not.toContain('JY_TEST_HOST_ONLY');
  });
});

describe('JSON depth cap', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const post = async (pathname: string, body: string) => {
    const started = Date.now();
    const res = await fetch(emu.url + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { json: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
  };

  it('refuses a 100,000-deep gateway body at once, and the workers stay free', async () => {
    const before = (await emu.getJson<unknown[]>('/_emulator/api/invocations')).length;
    const r = await post('/fn/envdump', `{"spin":${deep(100_000)}}`);
    expect(r.json).toMatchObject({ code: 'INVALID_PARAM' });
    expect(String(r.json.message)).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    expect(r.ms).toBeLessThan(2_000);
    // Never dispatched to a function: no invocation was recorded, and the next call is served.
    expect((await emu.getJson<unknown[]>('/_emulator/api/invocations')).length).toBe(before);
    const next = await post('/fn/envdump', `{"spin":${deep(10)}}`);
    expect(next.json).toEqual({ result: { depth: 10 } });
    expect(next.ms).toBeLessThan(2_000);
  });

  it('refuses deep SDK bodies, deep EJSON strings and deep nested function events', async () => {
    const admin = await post(
      '/admin',
      `{"action":"database.insertDocument","collectionName":"jobs","data":${deep(100_000)}}`,
    );
    expect(admin.json).toMatchObject({ code: 'INVALID_PARAM' });
    expect(String(admin.json.message)).toMatch(/deeper than 100 levels/);
    const ejson = await post(
      '/admin',
      JSON.stringify({
        action: 'database.insertDocument',
        collectionName: 'jobs',
        data: [JSON.stringify({ a: JSON.parse(deep(200)) })],
      }),
    );
    expect(ejson.json).toMatchObject({ code: 'INVALID_PARAM' });
    expect(String(ejson.json.message)).toMatch(/deeper than 100 levels/);
    const invoke = await post(
      '/admin',
      JSON.stringify({
        action: 'functions.invokeFunction',
        function_name: 'envdump',
        request_data: `{"spin":${deep(5_000)}}`,
      }),
    );
    expect(invoke.json).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('accepts nesting up to the cap (strings with brackets do not count)', async () => {
    const ok = await post('/fn/envdump', `{"x":"[[[[{{{{","spin":${deep(MAX_JSON_DEPTH - 1)}}`);
    expect(ok.json).toEqual({ result: { depth: MAX_JSON_DEPTH - 1 } });
  });
});
