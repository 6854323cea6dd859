import fs from 'node:fs';
import path from 'node:path';
import {
  installWeapp,
  launchApp,
  renderPage,
  waitForAnyText,
  waitForText,
  weappRoot,
} from './support/weapp-harness';

/** Every page route in the built app.json, sub-package pages with their root. */
function allPages(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

// A smoke load of the real dist/weapp build (npm test builds it before this tier runs).
describe('built weapp app (dist/weapp)', () => {
  const pingAnswer = {
    ok: true,
    data: { pong: true, serverTime: '2026-11-25T00:00:00.000Z', identified: true },
  };
  const env = installWeapp(async ({ name }) =>
    name === 'ping' ? pingAnswer : { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' },
  );

  beforeAll(() => {
    launchApp(env);
  });

  it('renders the home page text and reaches ping through wx.cloud', async () => {
    const page = await renderPage('pages/index/index');
    const text = await waitForText(page, '服务连接正常');
    expect(text).toContain('您好，欢迎使用家庭医生签约服务');
    expect(text).toContain('签约家庭医生');
    expect(env.calls).toContainEqual({ name: 'ping', data: { action: 'ping', input: {} } });
  });

  it('logs in through wx.cloud at launch (identity comes from WeChat, not the request)', () => {
    expect(env.calls).toContainEqual({ name: 'user', data: { action: 'login', input: {} } });
  });

  it.each([
    ['pages/sign/index', '签约家庭医生'],
    ['pages/booking/index', '预约门诊'],
    ['pages/health/index', '健康'],
    ['pages/me/index', '大字模式（适老化）'],
  ])('renders the %s tab', async (route, expected) => {
    const page = await renderPage(route);
    await waitForText(page, expected);
  });

  // Every other page the built app.json declares (main package and sub-packages) must load and
  // render text; the fake backend answers them with an error, which they must show, not crash on.
  const tabs = new Set([
    'pages/index/index',
    'pages/sign/index',
    'pages/booking/index',
    'pages/health/index',
    'pages/me/index',
  ]);
  it.each(allPages().filter((r) => !tabs.has(r)))('loads and renders %s', async (route) => {
    const page = await renderPage(route);
    expect((await waitForAnyText(page)).length).toBeGreaterThan(0);
  });

  it('touches no WeChat API the harness does not know', () => {
    expect([...env.missing]).toEqual([]);
  });
});
