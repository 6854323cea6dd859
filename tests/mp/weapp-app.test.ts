import { installWeapp, launchApp, renderPage, waitForText } from './support/weapp-harness';

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
    ['pages/booking/index', '预约就诊'],
    ['pages/health/index', '健康'],
    ['pages/me/index', '大字模式（适老化）'],
    ['packages/doctor/pages/index/index', '医生工作台'],
    ['packages/grid/pages/index/index', '网格员工作台'],
    ['packages/admin/pages/index/index', '管理后台'],
  ])('renders %s', async (route, expected) => {
    const page = await renderPage(route);
    await waitForText(page, expected);
  });

  it('touches no WeChat API the harness does not know', () => {
    expect([...env.missing]).toEqual([]);
  });
});
