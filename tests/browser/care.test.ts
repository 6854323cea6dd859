import type { Browser, Page } from 'playwright-core';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import {
  launchBrowser,
  loginAs,
  phonePage,
  setLargeFont,
  shot,
  startServedEmulator,
} from './support/browser';

// Issue 13 journey on the served H5 build against the emulator running the built functions:
// Dr Wang opens 今日工作 on the seeded quarter, opens a resident due for the quarterly contact,
// records a phone contact with its outcome, and the team's quarter progress moves. Screenshots of
// the worklist and the resident's timeline, in normal and large-font mode.
describe('care journey in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startServedEmulator();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  const progress = async (page: Page) => {
    const line = (await page.locator('#care-progress').first().innerText()).replace(/\s+/g, ' ');
    const m = /已联系 ([\d,]+) \/ ([\d,]+)/.exec(line);
    if (!m) throw new Error(`no progress line: ${line}`);
    return { contacted: Number(m[1]?.replace(/,/g, '')), signed: Number(m[2]?.replace(/,/g, '')), line };
  };
  const openWorklist = async (page: Page) => {
    await page.goto(`${emu.url}/#/packages/doctor/pages/worklist/index`);
    await page.locator('#care-progress').first().waitFor();
    await page.locator('.jy-work').first().waitFor();
  };

  it('doctor opens 今日工作, records a phone contact with an outcome, and the quarter progress moves', async () => {
    const page = await phonePage(browser);
    await loginAs(page, emu.url, '王建国 · 家庭医生');
    await openWorklist(page);
    const before = await progress(page);
    expect(before.line).toMatch(/本季度已联系 [\d,]+ \/ [\d,]+，还剩 \d+ 天/);
    expect(await page.locator('.jy-work--overdue').count()).toBeGreaterThan(0);
    expect(await page.locator('.jy-work--due').count()).toBeGreaterThan(0);
    expect(await page.locator('.jy-work--soon').count()).toBeGreaterThan(0);
    await shot(page, 'care-worklist');

    // 冯建华 signed this quarter and has not been contacted yet.
    await page
      .locator('.jy-work', { hasText: '冯*华' })
      .filter({ hasText: '本季度尚未联系' })
      .first()
      .click();
    await page.getByText('服务记录').waitFor();
    await page.locator('#care-record-contact').first().click();
    await page.locator('#care-contact-form [data-chip="phone"]').first().click();
    await page.locator('#care-contact-form [data-chip="reached"]').first().click();
    await page.locator('#care-save-contact').first().click();
    await page.getByText('已保存').waitFor();
    await page.locator('#care-timeline', { hasText: '电话联系' }).waitFor();
    await shot(page, 'care-resident-timeline');

    // Back to 今日工作 (a fresh load, so the page cannot show what it held before).
    await openWorklist(page);
    await page.reload();
    await page.locator('#care-progress').first().waitFor();
    const after = await progress(page);
    expect(after.contacted).toBe(before.contacted + 1);
    expect(after.signed).toBe(before.signed);
    expect(
      await page.locator('.jy-work', { hasText: '冯*华' }).filter({ hasText: '本季度尚未联系' }).count(),
    ).toBe(0);
  });

  it('large-font mode: worklist and timeline', async () => {
    const page = await phonePage(browser);
    await loginAs(page, emu.url, '王建国 · 家庭医生');
    await page.locator('[role="switch"]').first().click();
    await page.locator('.jy-page--large').first().waitFor();
    await openWorklist(page);
    expect(await page.locator('.jy-page--large').count()).toBeGreaterThan(0);
    await shot(page, 'care-worklist-large');
    await page.locator('.jy-work', { hasText: '周*兰' }).first().click();
    await page.getByText('服务记录').waitFor();
    await page.locator('#care-timeline', { hasText: '上转' }).waitFor();
    await shot(page, 'care-resident-timeline-large');
  });

  it('resident: the 健康 tab shows my plan and my referral, in normal and large-font mode', async () => {
    // 周桂兰 (seeded, referred up 10 days ago) gets a WeChat account for this test.
    const openid = 'test-care-zhou';
    await emu
      .sdkApp()
      .database()
      .collection(COLLECTIONS.users)
      .doc(userIdFor(openid))
      .set({ openid, role: 'resident', residentId: 'res-care-k2', family: [], createdAt: new Date() });
    const page = await phonePage(browser);
    await page.goto(`${emu.url}/#/pages/login/index`);
    await page.evaluate((id) => localStorage.setItem('jy.demoOpenid', JSON.stringify({ data: id })), openid);
    await page.goto(`${emu.url}/#/pages/health/index`);
    await page.reload();
    await page.getByText('我的随访计划').waitFor();
    await page.locator('#care-plan', { hasText: '转诊后2周随访' }).waitFor();
    await page.locator('#care-plan', { hasText: '杭州市第一人民医院' }).waitFor();
    await shot(page, 'care-health-plan');
    // The same setting 我的 › 大字模式 stores (theme.tsx), set directly for this account.
    await setLargeFont(page);
    await page.getByText('我的随访计划').waitFor();
    expect(await page.locator('.jy-page--large').count()).toBeGreaterThan(0);
    await shot(page, 'care-health-plan-large');
  });
});
