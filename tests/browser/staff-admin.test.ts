import type { Browser, Page } from 'playwright-core';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import type { TestEmulator } from '../support/emulator';
import { callUser } from '../support/identity';
import { launchBrowser, phonePage, shot, startServedEmulator } from './support/browser';

// Issue 12 (staff) on the served H5 build: an institution admin creates a nurse on 人员管理 and
// sees the one-time bind code; the nurse binds with it on the bind page; a doctor finds a resident
// by name + ID/phone tail in assisted signing (no internal 居民编号). Normal and large font.
describe('staff administration and assisted search in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startServedEmulator();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  /** A phone page logged in as a demo identity (the dev login page's way: openid in storage). */
  const as = async (openid: string, route: string, large = false): Promise<Page> => {
    const page = await phonePage(browser);
    await page.goto(`${emu.url}/#/pages/login/index`);
    await page.evaluate(
      ({ id, lf }) => {
        localStorage.setItem('jy.demoOpenid', JSON.stringify({ data: id }));
        localStorage.setItem('jy.largeFont', JSON.stringify({ data: lf }));
      },
      { id: openid, lf: large },
    );
    // A fresh load, so the theme reads the stored large-font setting.
    await page.goto(`${emu.url}/#${route}`);
    await page.reload();
    if (large) await page.locator('.jy-page--large').first().waitFor();
    return page;
  };

  it('admin creates a nurse, sees the bind code; the nurse binds with it', async () => {
    const page = await as('demo-admin-cg', '/packages/admin/pages/index/index');
    await page.locator('.nut-cell', { hasText: '人员管理' }).click();
    await page.getByText('王建国 · 团队长（全科医生）').waitFor();
    await shot(page, 'staff-admin-list');

    // Nothing filled in: each field says what is missing, nothing is sent.
    await page.locator('.nut-button', { hasText: '创建并生成绑定码' }).click();
    await page.getByText('请填写姓名').waitFor();
    await page.getByText('请选择所属团队').waitFor();
    // A malformed mobile: the server's field message lands next to the mobile field.
    await page.locator('input[placeholder="姓名"]').fill('林小护');
    await page.locator('input[placeholder^="手机号"]').fill('12345');
    await page.getByTestId('staff-team').getByText('东门社区家庭医生团队').click();
    await page.getByTestId('staff-position').getByText('护士', { exact: true }).click();
    await page.locator('.nut-button', { hasText: '创建并生成绑定码' }).click();
    await page.getByText('请输入11位中国大陆手机号').waitFor();
    await page.locator('input[placeholder^="手机号"]').fill('13712340202');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/fn/user') && (r.request().postData() ?? '').includes('"createStaff"'),
    );
    // A double tap creates one account and shows no error.
    await page.locator('.nut-button', { hasText: '创建并生成绑定码' }).dblclick();
    const body = (await (await created).json()) as { result: { ok: boolean; data: { bindCode: string } } };
    expect(body.result.ok).toBe(true);
    const code = body.result.data.bindCode;
    const card = page.getByTestId('bind-code-card');
    await card.getByText(code, { exact: true }).waitFor();
    await card.getByText('137****0202', { exact: false }).waitFor();
    await card.getByText('「我的」→「工作人员绑定」', { exact: false }).waitFor();
    await page.getByText('林小护 · 护士').waitFor();
    expect(await page.getByText('林小护 · 护士').count()).toBe(1);
    expect(await page.locator('.jy-error').count()).toBe(0);
    await shot(page, 'staff-admin-code');
    // The full mobile is not on the page.
    expect(await page.content()).not.toContain('13712340202');

    // The nurse, on a fresh WeChat identity, binds with the mobile and the code.
    await callUser(emu, 'login', {}, 'wx-staff-nurse-new');
    const nurse = await as('wx-staff-nurse-new', '/packages/staff/pages/bind/index');
    await nurse.locator('.nut-button', { hasText: '绑定' }).click();
    await nurse.getByText('请填写管理员登记的手机号').waitFor();
    await nurse.getByText('请填写6位绑定码').waitFor();
    await nurse.locator('input[placeholder="登记的手机号"]').fill('13712340202');
    await nurse.locator('input[placeholder="绑定码"]').fill(code === '000000' ? '000001' : '000000');
    await nurse.locator('.nut-button', { hasText: '绑定' }).click();
    // A wrong code is said next to the code field.
    await nurse.locator('.jy-field-error', { hasText: '绑定码无效或已失效' }).waitFor();
    await nurse.locator('input[placeholder="绑定码"]').fill(code);
    await nurse.locator('.nut-button', { hasText: '绑定' }).dblclick();
    await nurse.getByText('绑定成功：家庭医生').waitFor();
    expect(await nurse.locator('.jy-error, .jy-field-error').count()).toBe(0);
    await shot(nurse, 'staff-admin-nurse-bound');

    // Back on 人员管理 the nurse shows as bound; large-font mode.
    const large = await as('demo-admin-cg', '/packages/admin/pages/staff/index', true);
    await large.getByTestId('staff-card').filter({ hasText: '林小护' }).getByText('已绑定微信').waitFor();
    await shot(large, 'staff-admin-list-large');
  });

  it('admin re-issues a code for a colleague who has not bound yet', async () => {
    const page = await as('demo-admin-cg', '/packages/admin/pages/staff/index', true);
    const zhao = page.getByTestId('staff-card').filter({ hasText: '赵磊' });
    await zhao.getByText('未绑定', { exact: false }).waitFor();
    await zhao.locator('.nut-button', { hasText: '重新发放绑定码' }).click();
    await page.getByTestId('bind-code-card').getByText('赵磊的绑定码').waitFor();
    await zhao.getByText('待绑定', { exact: false }).waitFor();
    await shot(page, 'staff-admin-reissue-large');
  });

  it('doctor finds a resident by name + tail in assisted signing', async () => {
    const idNumber = demoIdNumber('330102', '1950-09-09', 602);
    await callUser(emu, 'login', {}, 'wx-assist-target');
    const verified = await callUser(
      emu,
      'verifyIdentity',
      {
        name: '欧阳兰',
        idNumber,
        mobile: '13712346060',
        consent: true,
        residence: { regionId: 'r-cg-dm', address: '东门路6号' },
      },
      'wx-assist-target',
    );
    expect(verified.ok).toBe(true);
    for (const large of [false, true]) {
      const page = await as('demo-doctor-cg-1', '/packages/doctor/pages/contracts/index', large);
      const form = page.getByTestId('assist-form');
      await form.locator('input[placeholder="居民姓名"]').waitFor();
      expect(await page.locator('input[placeholder="居民编号"]').count()).toBe(0);
      // Empty and malformed inputs: messages next to the fields.
      await form.locator('.nut-button', { hasText: '查找' }).click();
      await form.getByText('请填写居民姓名').waitFor();
      await form.locator('input[placeholder="居民姓名"]').fill('欧阳兰');
      await form.locator('input[placeholder^="身份证号或手机号"]').fill('12');
      await form.locator('.nut-button', { hasText: '查找' }).click();
      await form.getByText('请输入身份证号或手机号的后4位').waitFor();
      await form.locator('input[placeholder^="身份证号或手机号"]').fill(idNumber.slice(-4));
      await form.locator('.nut-button', { hasText: '查找' }).click();
      const match = form.getByTestId('resident-match');
      await match.getByText('137****6060', { exact: false }).waitFor();
      await match.getByText('城关街道 东门社区').waitFor();
      expect(await page.content()).not.toContain(idNumber);
      await match.first().scrollIntoViewIfNeeded();
      await shot(page, large ? 'staff-assist-search-large' : 'staff-assist-search');
      await match.locator('.nut-button', { hasText: '为此居民签约' }).click();
      await form.getByText('已选择：欧阳兰', { exact: false }).waitFor();
      await form.locator('.nut-button', { hasText: '东门社区家庭医生团队' }).click();
      await page.waitForURL(/packages\/sign\/pages\/flow\/index/);
      expect(decodeURIComponent(page.url())).toContain('name=欧阳兰');
      // The flow opens for the chosen resident (the review page stays hidden underneath).
      await page.locator(':text("欧阳兰"):visible').first().waitFor();
      await page.close();
    }
  });
});
