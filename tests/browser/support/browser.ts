// Browser journeys drive Debian's Chromium through playwright-core (a test tool's own browser
// download cannot work here). Flags keep Chromium off the closed network.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../../scripts/chromium';
import { seed } from '../../../scripts/seed';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { ensureTestKeys } from '../../support/identity';

const root = path.resolve(__dirname, '../../..');

/**
 * Where journeys save screenshots. A plain `npm test` writes them under dist/ so a clone stays
 * clean; `npm run screenshots` (JY_SCREENSHOTS=docs) refreshes the committed ones in docs/.
 */
export const screenshotDir = path.resolve(
  __dirname,
  '../../..',
  process.env.JY_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'dist/screenshots',
);

/** Launches headless Chromium (playwright gives it a fresh temporary profile); throws a clear message if none is installed. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: sudo apt-get install -y chromium fonts-noto-cjk');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A phone-sized page (the H5 app is a mobile layout). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** Saves a screenshot (see `screenshotDir`) after the H5 page transition settles. */
export async function shot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(400);
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * The emulator serving the built H5 app and functions (npm test builds dist/ first), seeded with
 * the demo district. Keys are set first: the function workers inherit them.
 */
export async function startServedEmulator(): Promise<TestEmulator> {
  ensureTestKeys();
  const emu = await startTestEmulator({
    functionsDir: path.join(root, 'dist', 'functions'),
    staticDir: path.join(root, 'dist', 'h5'),
  });
  await seed(emu.url);
  return emu;
}

/** Signs in as a demo identity from the login page's list (label as shown, e.g. '张秀兰 · 居民'). */
export async function loginAs(page: Page, baseUrl: string, label: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.locator('.nut-cell-clickable', { hasText: label }).first().click();
  await page.getByText('大字模式（适老化）').waitFor();
}

/** Large-font mode as the 我的 switch stores it (theme.tsx), applied by a reload. */
export async function setLargeFont(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('jy.largeFont', JSON.stringify({ data: true })));
  await page.reload();
}
