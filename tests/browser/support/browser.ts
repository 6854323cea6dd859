// Browser journeys drive Debian's Chromium through playwright-core (a test tool's own browser
// download cannot work here). Flags keep Chromium off the closed network.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../../scripts/chromium';

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
