import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startEmulator } from '../../emulator/src';
import { launchBrowser, phonePage, shot } from './support/browser';

const root = path.resolve(__dirname, '../..');

// The served H5 build (npm test builds dist/h5 and dist/functions before this tier) against the
// emulator's gateway: the same stack `npm start` runs.
describe('H5 app in Chromium', () => {
  let browser: Browser;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jy-browser-')),
      functionsDir: path.join(root, 'dist', 'functions'),
      staticDir: path.join(root, 'dist', 'h5'),
      quiet: true,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  it('renders the home page in Chinese and reaches ping through the transport', async () => {
    const page = await phonePage(browser);
    const pings: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/fn/ping')) pings.push(r.status());
    });
    await page.goto(`${emulator.url}/`);
    await page.getByText('您好，欢迎使用家庭医生签约服务').waitFor();
    await page.getByText('服务连接正常').waitFor();
    expect(pings).toEqual([200]);
    await shot(page, 'home');
  });

  it('switches to large-font mode from 我的 and keeps it on the home page', async () => {
    const page = await phonePage(browser);
    await page.goto(`${emulator.url}/#/pages/me/index`);
    await page.getByText('大字模式（适老化）').waitFor();
    const before = await page
      .locator('.jy-page')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    await page.locator('[role="switch"]').first().click();
    await page.locator('.jy-page--large').first().waitFor();
    const after = await page
      .locator('.jy-page--large')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    await shot(page, 'me-large-font');
    await page.getByText('首页', { exact: true }).click();
    await page.getByText('服务连接正常').waitFor();
    expect(await page.locator('.jy-page--large').count()).toBeGreaterThan(0);
    await shot(page, 'home-large-font');
  });
});
