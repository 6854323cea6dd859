import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_IDENTITIES } from '@shared/demo/identities';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from '../../emulator/src';
import { seed } from '../../scripts/seed';
import { ensureTestKeys } from '../support/identity';
import { launchBrowser, phonePage } from './support/browser';

// Accessibility of every page, as each role sees it, in normal and large-font mode: axe-core runs
// inside the served H5 build and no serious or critical violation may remain. Pages come from the
// app config itself, so a page added later is checked without touching this file.

const root = path.resolve(__dirname, '../..');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AppConfig = { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
const appConfig: AppConfig = require('../../client/src/app.config').default;

const mainPages = appConfig.pages.filter((p) => p !== 'pages/login/index');
const packagePages = (pkg: string) =>
  (appConfig.subPackages ?? [])
    .filter((s) => s.root === `packages/${pkg}`)
    .flatMap((s) => s.pages.map((p) => `${s.root}/${p}`));

/** Which pages each role is checked on: residents the main package, staff their work areas. */
const ROLES: { openid: string; pages: string[] }[] = [
  { openid: 'demo-resident-1', pages: [...mainPages, ...packagePages('sign')] },
  {
    openid: 'demo-doctor-cg-1',
    pages: ['pages/me/index', ...packagePages('doctor'), ...packagePages('edu')],
  },
  { openid: 'demo-grid-cg-dm-g1', pages: ['pages/me/index', ...packagePages('grid')] },
  { openid: 'demo-admin-cg', pages: ['pages/me/index', ...packagePages('admin')] },
  { openid: 'demo-district-admin', pages: ['pages/me/index', ...packagePages('admin')] },
];

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

describe('accessibility (axe-core) of every page, per role, normal and large font', () => {
  let browser: Browser;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    ensureTestKeys();
    emulator = await startEmulator({
      port: 0,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jy-a11y-')),
      functionsDir: path.join(root, 'dist', 'functions'),
      staticDir: path.join(root, 'dist', 'h5'),
      quiet: true,
    });
    await seed(emulator.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  /** Taro H5 keeps storage as `{ data }` JSON in localStorage. */
  async function setStorage(page: Page, values: Record<string, unknown>) {
    await page.evaluate((v) => {
      for (const [k, data] of Object.entries(v)) localStorage.setItem(k, JSON.stringify({ data }));
    }, values);
  }

  async function audit(page: Page, url: string): Promise<Violation[]> {
    await page.goto(url);
    await page.locator('.taro_page').first().waitFor({ state: 'attached' });
    // Let the page load its data and finish the H5 page transition.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(500);
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe;
      // The visible page only: Taro H5 keeps earlier pages of the stack hidden in the DOM.
      const current = Array.from(document.querySelectorAll('.taro_page')).filter(
        (el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none',
      );
      const context = current.length ? { include: current.map((el) => [el]) } : document;
      return axe.run(context, { resultTypes: ['violations'] });
    })) as { violations: Violation[] };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  for (const role of ROLES) {
    const who = DEMO_IDENTITIES.find((d) => d.openid === role.openid);
    for (const large of [false, true]) {
      it(`${who?.role ?? role.openid} (${who?.name ?? ''}) · ${large ? '大字模式' : '标准字号'}: no serious or critical violation`, async () => {
        expect(who).toBeDefined();
        expect(role.pages.length).toBeGreaterThan(0);
        const page = await phonePage(browser);
        await page.goto(`${emulator.url}/`);
        await setStorage(page, { 'jy.demoOpenid': role.openid, 'jy.largeFont': large });
        // The theme and the identity are read at app start: reload so both apply.
        await page.reload();
        const found: string[] = [];
        for (const p of role.pages) {
          for (const v of await audit(page, `${emulator.url}/#/${p}`)) {
            found.push(
              `${p}: [${v.impact}] ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
        }
        // The mode really is on (or off) for the pages checked.
        expect((await page.locator('.jy-page--large').count()) > 0).toBe(large);
        expect(found).toEqual([]);
        await page.context().close();
      }, 300_000);
    }
  }
});
