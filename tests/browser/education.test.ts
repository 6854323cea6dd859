import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { launchBrowser, loginAs, phonePage, shot, startServedEmulator } from './support/browser';

const root = path.resolve(__dirname, '../..');
const DOCTOR = 'demo-doctor-cg-1'; // 王建国, team-cg-1
const TITLE = '冬季高血压患者晨起测压提醒';
const IMAGE = fs.readFileSync(path.join(root, 'client/src/assets/tab/health-active.png'));
type Env = { ok: boolean; code?: string; data?: Record<string, unknown> };

// Issue 16 journey on the served H5 build: a doctor writes an article with an image and submits
// it; the institution admin approves; the doctor previews the audience (高血压患者) and pushes; a
// resident of that audience finds it first on 健康, opens it and reads it to the end in
// large-font mode; the article's reach shows one read.
describe('health education journey in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;
  const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Env> =>
    (await emu.callFn(fn, { action, input }, openid)).result as Env;

  beforeAll(async () => {
    emu = await startServedEmulator();
    // 张秀兰 has hypertension on record (a grid worker's report or a follow-up would set it).
    await emu
      .sdkApp()
      .database()
      .collection(COLLECTIONS.residents)
      .doc('res-demo-1')
      .update({ tags: ['hypertension'] });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).first().click();

  it('write with an image → approve → preview and push → resident reads in large font → reach shows one read', async () => {
    // 1. The doctor writes and submits.
    const doctor = await phonePage(browser);
    await loginAs(doctor, emu.url, '王建国 · 家庭医生');
    await doctor.goto(`${emu.url}/#/packages/edu/pages/editor/index`);
    await doctor.locator('input[placeholder="标题（4–40字）"]').fill(TITLE);
    await doctor
      .locator('textarea[placeholder="摘要（120字以内）"]')
      .fill('天冷血压容易升高，晨起先测压再服药，记录下来复诊时给医生看。');
    await doctor.locator('[data-topic="hypertension"]').click();
    await doctor
      .locator('[data-block="paragraph"] textarea')
      .fill('冬季气温低，血管收缩，清晨血压最容易升高。<script>alert(1)</script>');
    await tap(doctor, '+ 小标题');
    await doctor.locator('[data-block="heading"] input').fill('晨起三件事');
    await tap(doctor, '+ 列表');
    await doctor
      .locator('[data-block="list"] textarea')
      .fill('起床后先静坐5分钟\n测两次血压取平均\n测完再服降压药');
    const chooser = doctor.waitForEvent('filechooser');
    await tap(doctor, '+ 图片');
    await (await chooser).setFiles({ name: 'chart.png', mimeType: 'image/png', buffer: IMAGE });
    await doctor.locator('[data-block="image"] img').first().waitFor();
    await doctor.locator('[data-block="image"] input').fill('血压记录表示例');
    await shot(doctor, 'education-editor');
    await tap(doctor, '保存并提交审核');
    await doctor.getByText('已提交审核').first().waitFor();

    const stored = (
      await emu.sdkApp().database().collection(COLLECTIONS.articles).where({ title: TITLE }).get()
    ).data[0] as { _id: string; status: string; body: { type: string; fileId?: string; text?: string }[] };
    expect(stored.status).toBe('in_review');
    expect(stored.body.find((b) => b.type === 'image')?.fileId).toMatch(/^cloud:\/\//);
    expect(JSON.stringify(stored.body)).not.toContain('script');
    const articleId = stored._id;

    // 2. The institution admin approves.
    const admin = await phonePage(browser);
    await loginAs(admin, emu.url, '钱慧 · 家医管家');
    await admin.goto(`${emu.url}/#/packages/edu/pages/list/index`);
    const card = admin.locator(`[data-article="${articleId}"]`);
    await card.getByText('待审核').waitFor();
    await shot(admin, 'education-review');
    await card.getByText('审核通过', { exact: true }).click();
    await admin.getByText('已审核通过').first().waitFor();

    // 3. The doctor previews the audience and pushes.
    await doctor.goto(`${emu.url}/#/packages/edu/pages/list/index`);
    await doctor.locator(`[data-article="${articleId}"]`).getByText('定向推送', { exact: true }).click();
    await doctor.locator('[data-tag="hypertension"]').click();
    await doctor.getByText('预估人数', { exact: true }).click();
    const expected = await call(
      'education',
      'previewAudience',
      { articleId, rule: { tags: ['hypertension'] } },
      DOCTOR,
    );
    const n = (expected.data as { count: number }).count;
    expect(n).toBeGreaterThanOrEqual(1);
    await doctor.getByText(`符合条件的居民：${n}人`).waitFor();
    await shot(doctor, 'education-push');
    await doctor.getByText('确认推送', { exact: true }).click();
    await doctor.getByText(`已推送${n}人`, { exact: false }).waitFor();

    // 4. The resident, in large-font mode, finds it first on 健康 and reads it to the end.
    const resident = await phonePage(browser);
    await loginAs(resident, emu.url, '张秀兰 · 居民');
    await resident.locator('[role="switch"]').first().click();
    await resident.locator('.jy-page--large').first().waitFor();
    await resident.goto(`${emu.url}/#/pages/health/index`);
    const first = resident.locator('.edu-card').first();
    await first.getByText(TITLE).waitFor();
    await first.getByText('医生推送').waitFor();
    await first.getByText('未读').waitFor();
    await shot(resident, 'education-feed');
    await first.click();
    await resident.locator('.edu-body').getByText('晨起三件事').waitFor();
    await resident.locator('.edu-body img').first().waitFor();
    expect(await resident.locator('.jy-page--large .edu-body').count()).toBe(1);
    const size = await resident
      .locator('.edu-body__p')
      .nth(1)
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await resident.getByTestId('read-aloud').waitFor();
    await shot(resident, 'education-reader-large');
    // Reading to the end: scrolling to the bottom marks it (reach-bottom); the button is the
    // fallback for an article shorter than the screen.
    const thanks = resident.getByText('已读完，感谢阅读');
    await resident.locator('#article-end').scrollIntoViewIfNeeded();
    await resident.waitForTimeout(800);
    if (!(await thanks.isVisible()))
      await resident
        .getByText('我已读完', { exact: true })
        .click({ timeout: 5000 })
        .catch(() => undefined);
    await thanks.waitFor();

    // 5. Reach: one read to the end.
    await doctor.goto(`${emu.url}/#/packages/edu/pages/reach/index?id=${articleId}`);
    const readRow = doctor.locator('[data-reach="读完人数"]');
    await readRow.getByText('1', { exact: true }).waitFor();
    await shot(doctor, 'education-reach');
    const reach = await call('education', 'reach', { articleId }, DOCTOR);
    expect(reach.data).toMatchObject({ pushed: n, opened: 1, readToEnd: 1 });
    // The feed now shows it read; no full ID number on any page.
    await resident.goto(`${emu.url}/#/pages/health/index`);
    await resident.locator('.edu-card').first().getByText('已读完').waitFor();
    for (const p of [doctor, admin, resident]) expect(await p.content()).not.toMatch(/\d{17}[\dX]/);
  }, 180_000);
});
