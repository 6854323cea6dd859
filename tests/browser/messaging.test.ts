import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { TestEmulator } from '../support/emulator';
import {
  launchBrowser,
  loginAs,
  phonePage,
  screenshotDir,
  setLargeFont,
  shot,
  startServedEmulator,
} from './support/browser';

// The message centre after the seed's day of messaging (delivered by the real scheduler): the
// resident's 消息 in normal and large font, the doctor's digest, and the emulator console's outbox.
describe('message centre in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;

  beforeAll(async () => {
    process.env.JY_SMS_PROVIDER = 'emulator';
    emu = await startServedEmulator();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it('resident: 我的 shows the unread badge; 消息 lists, marks read, shows subscriptions', async () => {
    const page = await phonePage(browser);
    await loginAs(page, emu.url, '张秀兰 · 居民');
    await page.locator('.jy-badge').first().waitFor();
    expect(Number(await page.locator('.jy-badge').first().textContent())).toBeGreaterThanOrEqual(2);
    await page.goto(`${emu.url}/#/pages/messages/index`);
    await page.getByText('明天有预约就诊').first().waitFor();
    await page.getByText('高血压随访到期').waitFor();
    await page.getByText('我订阅的微信提醒').waitFor();
    await shot(page, 'messaging-centre');
    // Large-font mode is switched on 我的 and applies to every page.
    await page.goto(`${emu.url}/#/pages/me/index`);
    // Large-font mode as the 我的 switch stores it (the switch itself is tested in home.test.ts).
    await setLargeFont(page);
    await page.goto(`${emu.url}/#/pages/messages/index`);
    await page.locator('.jy-page--large').first().waitFor();
    await page.getByText('明天有预约就诊').first().waitFor();
    await shot(page, 'messaging-centre-large');
    const unreadBefore = await page.locator('.jy-msg--unread').count();
    await page.getByText('全部已读').click();
    await page.getByText('没有未读消息').waitFor();
    expect(unreadBefore).toBeGreaterThan(0);
    expect(await page.locator('.jy-msg--unread').count()).toBe(0);
  });

  it('doctor sees the digest in 消息', async () => {
    const page = await phonePage(browser);
    await loginAs(page, emu.url, '王建国');
    await page.goto(`${emu.url}/#/pages/messages/index`);
    await page.getByText('今日随访待办：3 项已逾期').waitFor();
    await page.getByText('签约申请待审核').waitFor();
    await shot(page, 'messaging-doctor-digest');
  });

  it('emulator console: outbox by status, deliveries per channel, texts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${emu.url}/_emulator`);
    await page.getByText('消息发件箱（outbox）').waitFor();
    await page.getByText('短信（本地模拟）').waitFor();
    await page.getByText('消息发件箱（outbox）').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const box = await page.getByText('消息发件箱（outbox）').boundingBox();
    await page.screenshot({
      path: path.join(screenshotDir, 'messaging-console-outbox.png'),
      clip: { x: 0, y: Math.max(0, (box?.y ?? 0) - 10), width: 1280, height: 1100 },
      fullPage: true,
    });
  });
});
