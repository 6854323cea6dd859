import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from '../../emulator/src';
import { seed } from '../../scripts/seed';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import { ensureTestKeys } from '../support/identity';
import { launchBrowser, loginAs, phonePage, shot } from './support/browser';

const root = path.resolve(__dirname, '../..');
/** NutUI buttons wrap their text: click the button itself. */
const button = (scope: Page | Locator, text: string) =>
  scope.locator('.nut-button', { hasText: text }).first();

// The signing journey on the served H5 build against the emulator running the built functions:
// a resident signs with a drawn signature, the team leader confirms, the resident sees 已生效 and
// downloads the signed PDF.
describe('contract journey in Chromium', () => {
  let browser: Browser;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    ensureTestKeys(); // before the emulator starts, so its function workers inherit the keys
    emulator = await startEmulator({
      port: 0,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jy-browser-contract-')),
      functionsDir: path.join(root, 'dist', 'functions'),
      staticDir: path.join(root, 'dist', 'h5'),
      quiet: true,
    });
    await seed(emulator.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  /** Logs in on the H5 dev login page as a seeded demo identity (lands on 我的). */
  /** Draws a zig-zag "signature" with real mouse moves over the canvas. */
  async function drawSignature(page: Page): Promise<void> {
    const canvas = page.getByTestId('signature-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('signature canvas not visible');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 30, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++)
      await page.mouse.move(box.x + 30 + i * 25, y + (i % 2 ? -30 : 30), { steps: 4 });
    await page.mouse.up();
  }

  it('resident signs → leader confirms → resident sees 已生效 and downloads the PDF', async () => {
    const resident = await phonePage(browser);
    await loginAs(resident, emulator.url, '张秀兰 · 居民');

    await resident.goto(`${emulator.url}/#/pages/sign/index`);
    const team = resident.getByTestId('team-team-cg-1');
    await team.waitFor();
    await button(team, '查看团队详情').click();
    await team.getByText('团队成员').waitFor();
    await shot(resident, 'contract-teams');
    await button(team, '选择这个团队签约').click();

    await resident.locator('.jy-pick', { hasText: '张秀兰' }).click();
    await button(resident, '下一步').click();
    await resident.getByTestId('fee').waitFor();
    await shot(resident, 'contract-packages');
    await button(resident, '下一步').click();
    await resident.getByTestId('agreement').getByText('甲方（签约居民）').waitFor();
    await resident.locator('[role="checkbox"]', { hasText: '我已阅读并同意以上协议' }).click();
    await shot(resident, 'contract-agreement');
    await button(resident, '下一步').click();

    await drawSignature(resident);
    await shot(resident, 'contract-signature');
    await button(resident, '确认签名').click();
    await resident.getByText('已提交，等待团队确认').waitFor();
    await button(resident, '查看我的签约').click();
    await resident.getByText('待确认').first().waitFor();
    await shot(resident, 'contract-pending');

    const leader = await phonePage(browser);
    await loginAs(leader, emulator.url, '王建国 · 家庭医生');
    await leader.goto(`${emulator.url}/#/packages/doctor/pages/contracts/index`);
    const card = leader.locator('.jy-card', { hasText: '张秀兰' }).first();
    await card.waitFor();
    await shot(leader, 'contract-review');
    await button(card, '确认签约').click();
    await leader.getByText('已确认，居民会收到通知').waitFor();

    await resident.goto(`${emulator.url}/#/pages/contract/index`);
    await resident.getByText('已生效').first().waitFor();
    await resident.getByText('生效日期').first().waitFor();
    await shot(resident, 'contract-active');
    const [download] = await Promise.all([
      resident.waitForEvent('download'),
      button(resident, '下载签约协议（PDF）').click(),
    ]);
    const file = await download.path();
    expect(file).toBeTruthy();
    const bytes = fs.readFileSync(file as string);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  }, 120_000);

  it("a doctor assists a resident without a smartphone on the doctor's phone; the channel is recorded", async () => {
    const doctor = await phonePage(browser);
    await loginAs(doctor, emulator.url, '王建国 · 家庭医生');
    await doctor.goto(`${emulator.url}/#/packages/doctor/pages/contracts/index`);
    // Found by name + the last 4 of her ID number (issue 12), not an internal 居民编号.
    await doctor.locator('input[placeholder="居民姓名"]').fill('周桂英');
    await doctor
      .locator('input[placeholder^="身份证号或手机号"]')
      .fill(demoIdNumber('330102', '1940-08-05', 24).slice(-4));
    await button(doctor, '查找').click();
    await button(doctor, '为此居民签约').click();
    await button(doctor, '东门社区家庭医生团队').click();
    await doctor.locator('.jy-pick', { hasText: '周桂英' }).click();
    await button(doctor, '下一步').click();
    await doctor.getByTestId('fee').waitFor();
    await button(doctor, '下一步').click();
    await doctor.getByText('签约方式：医生协助签约').waitFor();
    await doctor.locator('[role="checkbox"]', { hasText: '我已阅读并同意以上协议' }).click();
    await button(doctor, '下一步').click();
    await doctor.getByText('协助签约：请让居民本人在本机屏幕上签名。').waitFor();
    await drawSignature(doctor);
    await button(doctor, '确认签名').click();
    await doctor.getByText('已提交，等待团队确认').waitFor();
    await shot(doctor, 'contract-assisted');
    await doctor.goto(`${emulator.url}/#/packages/doctor/pages/contracts/index`);
    await doctor
      .locator('.jy-card', { hasText: '周桂英' })
      .getByText('医生协助签约', { exact: false })
      .waitFor();
  }, 120_000);
});
