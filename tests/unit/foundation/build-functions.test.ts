import fs from 'node:fs';
import path from 'node:path';
import { buildFunction } from '../../../scripts/build-functions';
import { functionsOut } from '../../../scripts/functions';

// Builds the real ping bundle and calls it as CloudBase would: main(event, context).
describe('function build', () => {
  let main: (event: unknown, context: unknown) => Promise<unknown>;

  beforeAll(async () => {
    await buildFunction('ping');
    ({ main } = require(path.join(functionsOut, 'ping', 'index.js')));
  });

  it('writes a deployable folder: index.js, package.json with the pinned SDK, config.json', () => {
    const dir = path.join(functionsOut, 'ping');
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ '@cloudbase/node-sdk': '3.18.3' });
    // shared/ code is bundled in; only the SDK is left for the platform to install.
    const code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(code).toContain('require("@cloudbase/node-sdk")');
    expect(code).not.toMatch(/require\("@shared\//);
  });

  it('answers ping with the caller identified from the context, not the event', async () => {
    const context = { environment: JSON.stringify({ WX_OPENID: 'o-ctx' }) };
    expect(await main({ action: 'ping', input: {} }, context)).toMatchObject({
      ok: true,
      data: { pong: true, identified: true, platform: { openid: true, appid: false } },
    });
    expect(await main({ action: 'ping', input: {}, openid: 'forged' }, {})).toMatchObject({
      ok: true,
      data: { identified: false },
    });
  });

  it('reports which deployment variables reached it, never their values', async () => {
    const saved = process.env.JY_PII_KEY;
    process.env.JY_PII_KEY = 'a'.repeat(64);
    const r = (await main({ action: 'ping', input: {} }, {})) as { data: { platform: { env: object } } };
    expect(r.data.platform.env).toEqual({ JY_PII_KEY: 'set', JY_DISTRICT_ADMINS: expect.any(String) });
    expect(JSON.stringify(r)).not.toContain('a'.repeat(64));
    process.env.JY_PII_KEY = 'short';
    expect(((await main({ action: 'ping', input: {} }, {})) as typeof r).data.platform.env).toMatchObject({
      JY_PII_KEY: 'malformed',
    });
    if (saved === undefined) delete process.env.JY_PII_KEY;
    else process.env.JY_PII_KEY = saved;
  });

  it('answers stable codes for unknown actions and bad input', async () => {
    expect(await main({ action: 'drop' }, {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await main({ action: 'ping', input: { x: 1 } }, {})).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(await main('not an object', {})).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const bad = (await main({ action: 'ping', input: { x: 1 } }, {})) as {
      message: string;
      issues: { message: string }[];
    };
    expect(bad.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(bad.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
