import type { Browser, Locator, Page } from 'playwright-core';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { uploadSignatureAs } from '../support/signature';
import {
  launchBrowser,
  loginAs,
  phonePage,
  setLargeFont,
  shot,
  startServedEmulator,
} from './support/browser';

const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1, 东门社区
const LEADER = 'demo-doctor-cg-1'; // 王建国, leader of team-cg-1
// 李晓梅 (demo-nurse-cg-2) is a nurse of team-cg-1, not its leader: she answers from the inbox.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const QUESTION = '手臂上起了一片红疹，有点痒，需要来门诊吗？';
type Env = { ok: boolean; code?: string; data?: Record<string, unknown> };
const button = (scope: Page | Locator, text: string) =>
  scope.locator('.nut-button', { hasText: text }).first();

// Issue 18 journey on the served H5 build against the emulator running the built functions: a
// signed resident asks with a photo (WeChat's asynchronous media check lets it through a moment
// later), a nurse of the team answers from the inbox with a team template beside the resident's
// care timeline, the resident sees the answer and turns it into a booking.
describe('consult journey in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;
  const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Env> =>
    (await emu.callFn(fn, { action, input }, openid)).result as Env;

  beforeAll(async () => {
    emu = await startServedEmulator();
    // Signed through the real contract function (sign, then the leader confirms).
    const signatureFileId = await uploadSignatureAs(emu, RESIDENT, PNG);
    const s = await call(
      'contract',
      'sign',
      {
        residentId: 'res-demo-1',
        teamId: 'team-cg-1',
        packageIds: ['pkg-basic'],
        consent: true,
        requestId: 'consult-journey',
        signatureFileId,
      },
      RESIDENT,
    );
    expect(s).toMatchObject({ ok: true });
    const c = await call('contract', 'confirm', { contractId: s.data?.contractId }, LEADER);
    expect(c).toMatchObject({ ok: true, data: { status: 'active' } });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it('resident asks with a photo → a nurse answers from the inbox → the resident books from it', async () => {
    const resident = await phonePage(browser);
    await loginAs(resident, emu.url, '张秀兰 · 居民');
    // Entry from 首页: the team card offers the consultation.
    await resident.goto(`${emu.url}/#/pages/index/index`);
    await button(resident, '咨询家庭医生').click();
    await resident.getByText('团队承诺', { exact: false }).waitFor();
    await resident.getByTestId('voice-hint').waitFor();
    // An emergency word shows the call-120 card at once, before anything is sent.
    await resident.locator('textarea').first().fill('我爸突然胸痛');
    await resident.getByTestId('emergency-card').getByText('拨打 120', { exact: false }).first().waitFor();
    await shot(resident, 'consult-emergency');
    await resident.locator('textarea').first().fill(QUESTION);
    await resident.getByTestId('emergency-card').waitFor({ state: 'detached' });
    const [chooser] = await Promise.all([
      resident.waitForEvent('filechooser'),
      button(resident, '添加图片').click(),
    ]);
    await chooser.setFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
    await resident.locator('.jy-consult__thumb').first().waitFor();
    await shot(resident, 'consult-ask');
    await button(resident, '发送').click();
    await resident.getByText('图片审核通过后医生才能看到', { exact: false }).waitFor();
    // Pending first (nobody sees it), then WeChat's verdict arrives and the thumbnail shows.
    await resident.getByTestId('consult-thumb').first().waitFor({ timeout: 30_000 });
    await resident.getByTestId('consult-due').waitFor();
    await shot(resident, 'consult-sent');
    const checks =
      await emu.getJson<{ openid: string; suggest: string; status: string }[]>('/_emulator/api/mediacheck');
    const mine = checks.filter((x) => x.openid === RESIDENT);
    expect(mine).toHaveLength(2); // the photo and its thumbnail
    expect(mine.every((x) => x.suggest === 'pass' && x.status === 'delivered')).toBe(true);

    // 李晓梅 (nurse, not the leader) answers from the team inbox with a team template.
    const nurse = await phonePage(browser);
    await loginAs(nurse, emu.url, '李晓梅');
    await nurse.goto(`${emu.url}/#/packages/doctor/pages/consult/index`);
    const card = nurse.locator('[data-consult="cs_res-demo-1"]');
    await card.waitFor();
    await nurse.getByTestId('consult-counts').getByText('超时', { exact: false }).waitFor();
    await card.locator('text=张').first().click();
    await card.getByText(QUESTION).waitFor();
    await card.getByTestId('consult-thumb').first().waitFor();
    await card.getByTestId('consult-timeline').waitFor();
    await card.getByTestId('consult-templates').locator('.jy-chip', { hasText: '复诊提醒' }).click();
    expect(await card.locator('textarea').first().inputValue()).toContain('化验单');
    await card
      .locator('textarea')
      .first()
      .fill('看图片像是湿疹，先别抓，明天上午来门诊看一下，请带上正在用的药。');
    await shot(nurse, 'consult-inbox');
    await button(card, '回复').click();
    await nurse.getByText('已回复').waitFor();

    // The resident sees who answered, then turns the conversation into a booking.
    await resident.reload();
    await resident.getByText('看图片像是湿疹', { exact: false }).waitFor();
    await resident.getByText('李晓梅', { exact: false }).first().waitFor();
    await shot(resident, 'consult-answered');
    await button(resident, '预约就诊').click();
    await resident.getByText('签约居民可提前预约', { exact: false }).waitFor();
    await resident.locator('.jy-chip--on', { hasText: '张秀兰' }).waitFor();
    const slot = resident.locator('.jy-slot', { hasNotText: '约满' }).first();
    await slot.waitFor();
    await slot.click();
    await button(resident, '确认预约').click();
    await resident.getByText('已为', { exact: false }).waitFor();

    const conv = await emu.sdkApp().database().collection(COLLECTIONS.consults).doc('cs_res-demo-1').get();
    expect(conv.data[0].links).toEqual([expect.objectContaining({ kind: 'booking' })]);
    expect(conv.data[0]).toMatchObject({ awaiting: false, lastStaffId: 'st-cg-2' });
    const booked = await call('appointment', 'mine', {}, RESIDENT);
    const list = (booked.data?.appointments ?? []) as { residentId: string; status: string }[];
    expect(list.some((a) => a.residentId === 'res-demo-1' && a.status === 'booked')).toBe(true);

    // The nurse sees the booking line in the conversation.
    const seen = await call('consult', 'thread', { consultId: 'cs_res-demo-1' }, 'demo-nurse-cg-2');
    const msgs = (seen.data?.messages ?? []) as { link?: string }[];
    expect(msgs.at(-1)?.link).toBe('booking');

    // Large-font mode: the same pages, read by an older resident and on the team's phone.
    await setLargeFont(resident);
    await resident.goto(`${emu.url}/#/packages/consult/pages/index/index`);
    await resident.locator('.jy-page--large').first().waitFor();
    await resident.getByText('看图片像是湿疹', { exact: false }).waitFor();
    await shot(resident, 'consult-answered-large');
    await setLargeFont(nurse);
    await nurse.goto(`${emu.url}/#/packages/doctor/pages/consult/index`);
    await nurse.locator('.jy-page--large').first().waitFor();
    await nurse.getByTestId('consult-counts').waitFor();
    await shot(nurse, 'consult-inbox-large');
    // No full ID number on either page.
    expect(await nurse.content()).not.toMatch(/\d{17}[\dX]/);
  }, 240_000);
});
