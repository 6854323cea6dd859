import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { TestEmulator } from '../support/emulator';
import { launchBrowser, phonePage, shot, startServedEmulator } from './support/browser';

const DASHBOARD = '/#/packages/admin/pages/dashboard/index';

// Issue 17 journey on the served H5 build against the emulator running the built functions: the
// district admin opens the indicator dashboard (seeded demo: 城关 above most targets, 青山/河口
// below), drills district → township → institution → a team below target, and exports the
// roster; the file behind the link is a real workbook. Screenshots in normal and large-font mode.
describe('stats dashboard journey in Chromium', () => {
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

  async function openAsDistrictAdmin(page: Page, large = false): Promise<void> {
    await page.goto(`${emu.url}/#/pages/login/index`);
    await page.evaluate(
      ([id, big]) => {
        localStorage.setItem('jy.demoOpenid', JSON.stringify({ data: id }));
        localStorage.setItem('jy.largeFont', JSON.stringify({ data: big }));
      },
      ['demo-district-admin', large] as const,
    );
    await page.goto(`${emu.url}${DASHBOARD}`);
    await page.reload();
    await page.getByText('示范区 · 签约服务指标').waitFor();
    await page.locator('[data-indicator]').first().waitFor();
  }
  const drill = async (page: Page, childId: string, title: string) => {
    await page.locator(`[data-child="${childId}"]`).first().click();
    await page.getByText(`${title} · 签约服务指标`).waitFor();
    await page.locator('[data-indicator]').first().waitFor();
  };

  it('district admin: dashboard → 青山镇 → 青山镇卫生院 → a team below target → exports the roster', async () => {
    const page = await phonePage(browser);
    await openAsDistrictAdmin(page);
    // Townships as children, red where unmet; the trend chart and the performance table are there.
    expect(await page.locator('[data-child]').count()).toBe(3);
    await page.locator('[data-trend-card] [data-point]').nth(11).waitFor();
    await page.locator('[data-perf="teams"] [data-row]').first().waitFor();
    expect(await page.locator('[data-perf="teams"] [data-row]').count()).toBe(5);
    await shot(page, 'stats-dashboard');
    await page.locator('[data-trend-card]').first().scrollIntoViewIfNeeded();
    await shot(page, 'stats-dashboard-trend');
    await page.locator('[data-perf="teams"]').first().scrollIntoViewIfNeeded();
    await shot(page, 'stats-dashboard-performance');

    // Sort the team table by 按时随访 (descending, then ascending): the first row changes accordingly.
    const firstRow = async () =>
      page.locator('[data-perf="teams"] [data-row]').first().getAttribute('data-row');
    await page.locator('[data-perf="teams"] [data-sort="name"]').first().click();
    const byNameAsc = await firstRow();
    await page.locator('[data-perf="teams"] [data-sort="name"]').first().click();
    expect(await firstRow()).not.toBe(byNameAsc);

    await drill(page, 'r-qs', '青山镇');
    await drill(page, 'inst-qs', '青山镇卫生院');
    const team = page.locator('[data-child="team-qs-2"]').first();
    expect(Number(await team.getAttribute('data-unmet'))).toBeGreaterThan(0);
    await drill(page, 'team-qs-2', '柳河村家庭医生团队');
    expect(await page.locator('[data-indicator][data-met="no"]').count()).toBeGreaterThan(0);
    await page.locator('[data-export="roster"]').first().scrollIntoViewIfNeeded();
    await shot(page, 'stats-team-below-target');

    await page.locator('[data-export="roster"]').first().click();
    const card = page.locator('[data-file]').first();
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-file-name')).toMatch(/^柳河村家庭医生团队成员明细表_.*\.xlsx$/);
    const url = (await card.getAttribute('data-file')) ?? '';
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('成员明细表');
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(4).value));
    });
    expect(names).toEqual(expect.arrayContaining(['黄丽', '郑伟']));
    await shot(page, 'stats-roster-exported');
  });

  it('large-font mode: the dashboard', async () => {
    const page = await phonePage(browser);
    await openAsDistrictAdmin(page, true);
    expect(await page.locator('.jy-page--large').count()).toBeGreaterThan(0);
    await page.locator('[data-perf="teams"] [data-row]').first().waitFor();
    await page.locator('[data-export="roster"]').first().scrollIntoViewIfNeeded();
    await shot(page, 'stats-dashboard-large');
    await page.locator('[data-child]').first().scrollIntoViewIfNeeded();
    await shot(page, 'stats-dashboard-large-drill');
  });
});
