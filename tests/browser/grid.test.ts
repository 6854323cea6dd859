import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import cloudbase from '@cloudbase/node-sdk';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { seed } from '../../scripts/seed';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { HouseholdDoc } from '../../shared/db/schemas/households';
import { ensureSdkEnv } from '../support/emulator';
import { ensureTestKeys } from '../support/identity';
import { launchBrowser, loginAs, phonePage, screenshotDir, shot } from './support/browser';

const root = path.resolve(__dirname, '../..');
const button = (scope: Page | Locator, text: string) =>
  scope.locator('.nut-button', { hasText: text }).first();

/**
 * The images of a sheet page as PNG files (pdf-lib stores an embedded PNG as Flate-compressed
 * RGB pixels plus a soft mask): the plates exactly as printed, to be photographed by the app.
 */
async function platePngs(pdfBytes: Uint8Array): Promise<Buffer[]> {
  const pdf = await PDFDocument.load(pdfBytes);
  const out: Buffer[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const d = obj.dict;
    if (d.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
    if (
      d.get(PDFName.of('SMask')) === undefined &&
      d.get(PDFName.of('ColorSpace'))?.toString() === '/DeviceGray'
    )
      continue; // a soft mask itself
    const w = Number(d.get(PDFName.of('Width'))?.toString());
    const h = Number(d.get(PDFName.of('Height'))?.toString());
    const bpc = Number(d.get(PDFName.of('BitsPerComponent'))?.toString());
    const cs = d.get(PDFName.of('ColorSpace'))?.toString();
    if (bpc !== 8 || (cs !== '/DeviceRGB' && cs !== '/DeviceGray')) continue;
    const raw = zlib.inflateSync(Buffer.from(obj.contents));
    const channels = cs === '/DeviceRGB' ? 3 : 1;
    if (raw.length < w * h * channels) continue;
    const png = new PNG({ width: w, height: h });
    for (let i = 0; i < w * h; i++) {
      const r = raw[i * channels] as number;
      png.data[i * 4] = r;
      png.data[i * 4 + 1] = channels === 3 ? (raw[i * 3 + 1] as number) : r;
      png.data[i * 4 + 2] = channels === 3 ? (raw[i * 3 + 2] as number) : r;
      png.data[i * 4 + 3] = 255;
    }
    out.push(PNG.sync.write(png));
  }
  return out;
}

/** The sheet's first page as an image: poppler when installed, else Chromium's own PDF viewer. */
async function renderSheet(browser: Browser, pdfFile: string, pdfUrl: string): Promise<void> {
  const target = path.join(screenshotDir, 'grid-plate-sheet.png');
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      target.slice(0, -4),
    ]);
    return;
  } catch {
    // no poppler here: fall through to Chromium
  }
  const ctx = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  const page = await ctx.newPage();
  await page.goto(pdfUrl).catch(() => undefined);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: target });
  await ctx.close();
}

/**
 * The emulator in its own process (the CLI `npm start` uses): inside the jest worker, the
 * emulator's wxacode stand-in (qrcode + pngjs) runs ~30× slower than in plain Node, and a sheet
 * of 40 plates then outlives the function's time-out.
 */
async function startCliEmulator(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-grid-browser-'));
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'emulator', 'src', 'cli.ts'), 'serve'],
    {
      cwd: root,
      env: {
        ...process.env,
        EMULATOR_PORT: String(port),
        EMULATOR_DATA: dataDir,
        EMULATOR_FUNCTIONS: path.join(root, 'dist', 'functions'),
        EMULATOR_STATIC: path.join(root, 'dist', 'h5'),
      },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/_emulator/api/invocations`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 240) throw new Error('emulator did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Issue 15 journey on the served H5 build against the emulator running the built functions: the
// institution admin prints the door plates of 东门社区第1网格; the grid worker photographs a plate
// from that sheet (decoded by the app with jsQR), registers the household's two members and
// reports one as newly hypertensive; the team's doctor sees the report and acknowledges it.
describe('grid journey in Chromium', () => {
  let browser: Browser;
  let emu: { url: string; close: () => Promise<void> };
  const db = () =>
    cloudbase
      .init({
        env: 'local-dev',
        secretId: 'test',
        secretKey: 'test',
        serviceUrl: `${emu.url}/admin`,
        protocol: 'http',
      } as Parameters<typeof cloudbase.init>[0])
      .database();

  beforeAll(async () => {
    ensureSdkEnv();
    ensureTestKeys(); // the emulator process inherits the keys the seed seals with
    emu = await startCliEmulator();
    await seed(emu.url);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it('prints plates → worker scans one from the sheet, registers two members, reports → doctor acknowledges', async () => {
    // 1. The institution admin prints the grid's door plates.
    const admin = await phonePage(browser);
    await loginAs(admin, emu.url, '钱慧 · 家医管家');
    await admin.goto(`${emu.url}/#/packages/admin/pages/plates/index`);
    const gridCard = admin.locator('.nut-cell-group', { hasText: '东门社区第1网格' }).first();
    await gridCard.waitFor();
    await button(gridCard, '生成门牌PDF').click();
    await gridCard.getByText('已生成 40 户门牌，共 5 页').waitFor({ timeout: 120_000 });
    await shot(admin, 'grid-admin-plates');
    const pdfUrl = await gridCard.locator('[data-pdf]').getAttribute('data-pdf');
    if (!pdfUrl) throw new Error('no PDF link');
    const pdfBytes = new Uint8Array(await (await fetch(pdfUrl)).arrayBuffer());
    const pdfFile = path.join(os.tmpdir(), `grid-sheet-${process.pid}.pdf`);
    fs.writeFileSync(pdfFile, pdfBytes);
    await renderSheet(browser, pdfFile, pdfUrl);

    // 2. The plate of 幸福路40号 (nobody registered yet), cut from the printed sheet.
    const vacant = (
      (await db().collection(COLLECTIONS.households).doc('hh-dm-40').get()).data as HouseholdDoc[]
    )[0];
    if (!vacant) throw new Error('hh-dm-40 missing');
    const plates = await platePngs(pdfBytes);
    expect(plates).toHaveLength(40);
    const plate = plates.find((png) => {
      const img = PNG.sync.read(png);
      return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data.endsWith(
        `scene=${vacant.qrToken}`,
      );
    });
    if (!plate) throw new Error('the sheet has no plate for hh-dm-40');
    const photo = path.join(os.tmpdir(), `grid-plate-${process.pid}.png`);
    fs.writeFileSync(photo, plate);

    // 3. The grid worker photographs it: the app decodes the image and opens the household.
    const worker = await phonePage(browser);
    await loginAs(worker, emu.url, '许丽 · 网格员');
    await worker.goto(`${emu.url}/#/packages/grid/pages/index/index`);
    await worker.getByText('扫码入户').first().waitFor();
    await shot(worker, 'grid-home');
    await worker.getByText('扫码入户').first().click();
    const chooser = worker.waitForEvent('filechooser');
    await button(worker, '从相册/拍照识别').click();
    await (await chooser).setFiles(photo);
    await worker.getByText('东门社区幸福路40号').waitFor();
    await worker.getByText('尚未登记住户').waitFor();
    await shot(worker, 'grid-household-empty');

    // 4. Two members.
    const member = async (name: string, idNumber: string, relation: string, condition?: string) => {
      await worker.locator('input[placeholder="姓名"]').fill(name);
      await worker.locator('input[placeholder="身份证号（18位）"]').fill(idNumber);
      await worker.locator('.jy-chip', { hasText: relation }).first().click();
      if (condition) await worker.locator('.jy-chip', { hasText: condition }).first().click();
      await button(worker, '保存成员').click();
      await worker.getByText('已登记', { exact: false }).first().waitFor();
    };
    await member('周德海', demoIdNumber('330102', '1957-04-18', 821), '户主');
    await worker.locator('.jy-member', { hasText: '周*海' }).waitFor();
    await member('吴秀芳', demoIdNumber('330102', '1960-09-09', 822), '配偶');
    await worker.locator('.jy-member', { hasText: '吴*芳' }).waitFor();
    expect(await worker.locator('.jy-member').count()).toBe(2);
    await shot(worker, 'grid-household-members');

    // 5. Report 周德海 as newly found hypertensive.
    await button(worker.locator('.jy-member', { hasText: '周*海' }), '上报').click();
    await worker.locator('.jy-chip', { hasText: '高血压患者' }).first().click();
    await worker.locator('input[placeholder="情况说明（选填）"]').fill('入户测血压 165/100，未在管');
    await shot(worker, 'grid-report-form');
    await button(worker, '提交上报').click();
    await worker.getByText('已上报', { exact: false }).waitFor();
    const stored = await db().collection(COLLECTIONS.reports).where({ householdId: 'hh-dm-40' }).get();
    expect(stored.data).toHaveLength(1);
    const reportId = (stored.data[0] as { _id: string })._id;
    await worker.goto(`${emu.url}/#/packages/grid/pages/reports/index`);
    await worker.locator(`[data-report="${reportId}"]`).getByText('待报到').waitFor();
    await shot(worker, 'grid-my-reports');
    await worker.goto(`${emu.url}/#/packages/grid/pages/mine/index`);
    await worker.getByText('待动员签约的重点人群').waitFor();
    await shot(worker, 'grid-my-grid');

    // 6. The team's doctor sees it at once and acknowledges (家医报到).
    const doctor = await phonePage(browser);
    await loginAs(doctor, emu.url, '王建国 · 家庭医生');
    await doctor.goto(`${emu.url}/#/packages/doctor/pages/index/index`);
    await doctor.locator('.nut-cell-clickable', { hasText: '网格上报（家医报到）' }).first().click();
    const card = doctor.locator(`[data-report="${reportId}"]`);
    await card.getByText('东门社区幸福路40号', { exact: false }).waitFor();
    await card.getByText('高血压患者', { exact: false }).waitFor();
    await shot(doctor, 'grid-doctor-reports');
    await button(card, '家医报到').click();
    await card.getByText('报到 王建国', { exact: false }).waitFor();
    await shot(doctor, 'grid-doctor-acknowledged');
    const after = (await db().collection(COLLECTIONS.reports).doc(reportId).get()).data[0] as {
      status: string;
      acknowledgedBy: { name: string; staffId: string };
      acknowledgedAt: Date;
    };
    expect(after.status).toBe('acknowledged');
    expect(after.acknowledgedBy).toMatchObject({ name: '王建国', staffId: 'st-cg-1' });
    expect(after.acknowledgedAt).toBeDefined();
    // No full ID number on any page.
    for (const p of [worker, doctor]) expect(await p.content()).not.toMatch(/\d{17}[\dX]/);
  }, 400_000);
});
