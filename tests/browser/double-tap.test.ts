import type { Browser, Locator, Page } from 'playwright-core';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { callUser } from '../support/identity';
import { callWithOwnSignature, OWN_SIGNATURE } from '../support/signature';
import { launchBrowser, phonePage, startServedEmulator } from './support/browser';

/**
 * Issue 12, "done when": every submitting button of the resident and doctor pages, tapped twice
 * in quick succession (Playwright's dblclick: two clicks, no wait between), leaves one record or
 * one transition, shows its success, and paints no red error (.jy-error). Records are counted in
 * the emulator's database, not on the screen, and each double tap must send one request.
 *
 * Covered (page → button → what one double tap must leave):
 *  resident
 *   实名认证        提交认证        one resident for the account; 我的 shows the masked ID
 *   家庭成员        添加            one member, painted in the list once (the list repaints)
 *   家庭成员        同意 (a request) one family link for the asker; the request answered
 *   签约 flow       确认签名        one pending contract
 *   我的签约        撤回申请        the request withdrawn, still one contract
 *   我的签约        确认解约        the contract terminated
 *   预约            确认预约        one booking, the note names the patient
 *   我的预约        确认改约        one booking left on the new slot
 *   我的预约        确认取消        the booking cancelled, no booking left
 *   上门服务        提交申请        one home-visit request per intent (two intents → two)
 *   消息            全部已读        no unread message
 *   隐私政策        撤回授权        one confirmation dialog, one withdrawal
 *  doctor
 *   签约审核        确认签约        one active contract
 *   签约审核        不通过          the request rejected
 *   预约日程        接受 (上门)     the home visit accepted
 *   预约日程        婉拒 (上门)     the home visit declined
 *   居民随访        保存 (记录联系) one contact
 *   居民随访        保存 (记录随访) one follow-up
 *   居民随访        保存 (转诊)     one referral
 *   居民随访        保存 (长期处方) one prescription
 *   居民咨询        回复            one reply from the team
 *   居民咨询        结束咨询        the conversation closed
 *   网格上报        家医报到        the report acknowledged
 *   网格上报        提交处置        the report resolved
 *   预约日程        已到诊          the booking attended, one contact recorded with it
 *   预约日程        未到            the booking a no-show
 * Not double-tapped here (guarded in code the same way): 续约/更换团队 (the same flow and guard
 * as 确认签名), 保存居住地 on 签约 (useSubmit), education live sign-up and questions.
 */
describe('double taps on every submitting button leave one record and no red error', () => {
  let browser: Browser;
  let emu: TestEmulator;
  // The brand-new resident of this run and her parent.
  let openid = '';
  let selfId = '';
  let parentId = '';

  beforeAll(async () => {
    emu = await startServedEmulator();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  const db = () => emu.sdkApp().database();
  const find = async (collection: string, where: Record<string, unknown>) =>
    (await db().collection(collection).where(where).limit(100).get()).data as Record<string, unknown>[];
  const button = (scope: Page | Locator, text: string) =>
    scope.locator('.nut-button', { hasText: text }).first();
  /** No red error on the visible page (hidden pages of the H5 stack do not count). */
  const noRedError = async (page: Page) => expect(await page.locator('.jy-error:visible').count()).toBe(0);
  // Every function call each page sends, as `fn.action` (the H5 transport posts {action, input}).
  const sentBy = new WeakMap<Page, string[]>();
  const sent = (page: Page): string[] => {
    let calls = sentBy.get(page);
    if (!calls) {
      const list: string[] = [];
      page.on('request', (r) => {
        const fn = /\/fn\/(\w+)$/.exec(r.url())?.[1];
        if (!fn) return;
        try {
          list.push(`${fn}.${(JSON.parse(r.postData() ?? '{}') as { action?: string }).action}`);
        } catch {
          // not a function call
        }
      });
      sentBy.set(page, list);
      calls = list;
    }
    return calls;
  };
  /**
   * Double-taps `target`; the returned check (run once the success shows) counts the `fn.action`
   * requests the page sent since: one tap's worth, whatever the second tap did.
   */
  const doubleTap = async (page: Page, target: Locator, action: string) => {
    const before = sent(page).filter((a) => a === action).length;
    await target.dblclick();
    return () => expect(sent(page).filter((a) => a === action).length - before).toBe(1);
  };
  const contract = (action: string, input: unknown, who: string) =>
    callWithOwnSignature<{ ok: boolean; code?: string; data?: Record<string, unknown> }>(
      emu,
      action,
      input,
      who,
    );
  const signByApi = async (residentId: string, requestId: string) => {
    const r = await contract(
      'sign',
      {
        residentId,
        teamId: 'team-cg-1',
        packageIds: ['pkg-basic'],
        consent: true,
        requestId,
        signatureFileId: OWN_SIGNATURE,
      },
      openid,
    );
    expect(r).toMatchObject({ ok: true });
    return String(r.data?.contractId);
  };
  const contractsOf = (residentId: string) => find(COLLECTIONS.contracts, { residentId });

  async function loginAs(page: Page, who: string): Promise<void> {
    await page.goto(`${emu.url}/#/pages/login/index`);
    await page.evaluate((id) => localStorage.setItem('jy.demoOpenid', JSON.stringify({ data: id })), who);
  }

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

  let resident: Page;
  let doctor: Page;

  it('实名认证 提交认证 and 家庭成员 添加', async () => {
    resident = await phonePage(browser);
    const page = resident;
    await page.goto(`${emu.url}/#/pages/login/index`);
    await button(page, '新居民（首次登录）').click();
    await page.locator('input[placeholder="身份证号"]').waitFor();
    openid = await page.evaluate(() => JSON.parse(localStorage.getItem('jy.demoOpenid') ?? '{}').data);
    expect(openid).toMatch(/^demo-new-/);
    await page.locator('input[placeholder="姓名"]').fill('宋晓燕');
    await page.locator('input[placeholder="身份证号"]').fill(demoIdNumber('330102', '1984-02-11', 91));
    await page.locator('input[placeholder="手机号"]').fill('13712340091');
    await page.getByTestId('region-picker').locator('.jy-chip', { hasText: '城关街道' }).click();
    await page.getByTestId('region-picker').locator('.jy-chip', { hasText: '东门社区' }).click();
    await page.locator('input[placeholder^="详细地址"]').fill('解放路20号');
    await page.locator('[role="checkbox"]', { hasText: '个人信息处理告知书' }).click();
    await page.locator('[role="checkbox"][aria-checked="true"]', { hasText: '个人信息处理告知书' }).waitFor();
    const sentVerifyIdentity = await doubleTap(page, button(page, '提交认证'), 'user.verifyIdentity');
    await page.getByText('137****0091').waitFor();
    await noRedError(page);
    sentVerifyIdentity();
    const mine = await find(COLLECTIONS.residents, { userId: userIdFor(openid) });
    expect(mine).toHaveLength(1);
    selfId = String(mine[0]?._id);

    // 家庭成员, opened from 我的 (navigateTo).
    await page.locator('.nut-cell', { hasText: '为孩子、老人代办签约和预约' }).click();
    await page.getByText('与我同住', { exact: false }).waitFor();
    await page.locator('input[placeholder="成员姓名"]').fill('宋国平');
    await page.locator('input[placeholder="成员身份证号"]').fill(demoIdNumber('330102', '1952-07-21', 92));
    await page.locator('.jy-chip').getByText('父母', { exact: true }).click();
    await page.locator('[role="checkbox"]', { hasText: '我是其监护人或已获得其授权' }).click();
    await page
      .locator('[role="checkbox"][aria-checked="true"]', { hasText: '我是其监护人或已获得其授权' })
      .waitFor();
    const sentAddFamilyMember = await doubleTap(page, button(page, '添加'), 'user.addFamilyMember');
    await page.getByTestId('family-added').waitFor();
    await page.locator('.nut-cell', { hasText: '宋国平（父母）' }).waitFor();
    expect(await page.locator('.nut-cell', { hasText: '宋国平（父母）' }).count()).toBe(1);
    await noRedError(page);
    sentAddFamilyMember();
    const user = (await find(COLLECTIONS.users, { _id: userIdFor(openid) }))[0] as {
      family?: { residentId: string }[];
    };
    expect(user.family).toHaveLength(1);
    parentId = String(user.family?.[0]?.residentId);
    expect(await find(COLLECTIONS.residents, { name: '宋国平' })).toHaveLength(1);
  });

  it('家庭成员 同意 a request from someone who added me', async () => {
    // Another account adds this resident as family: she has her own account, so she is asked.
    const asker = `test-dbl-asker-${Date.now().toString(36)}`;
    await callUser(emu, 'login', {}, asker);
    expect(
      await callUser(
        emu,
        'verifyIdentity',
        {
          name: '宋小川',
          idNumber: demoIdNumber('330102', '2001-09-09', 93),
          mobile: '13712340093',
          consent: true,
          residence: { regionId: 'r-cg-dm', address: '解放路20号' },
        },
        asker,
      ),
    ).toMatchObject({ ok: true });
    const asked = await callUser(
      emu,
      'addFamilyMember',
      {
        name: '宋晓燕',
        idNumber: demoIdNumber('330102', '1984-02-11', 91),
        relation: 'parent',
        consent: true,
        requestId: 'dbl-ask-1',
      },
      asker,
    );
    expect(asked.code).toBe('FAMILY_APPROVAL_PENDING');
    const page = resident;
    await page.goto(`${emu.url}/#/pages/family/index`);
    const accept = page.locator('.jy-family-requests .nut-button', { hasText: '同意' }).first();
    await accept.waitFor();
    const sentAnswerFamilyRequest = await doubleTap(page, accept, 'user.answerFamilyRequest');
    await page.locator('.jy-family-requests').waitFor({ state: 'detached' });
    await noRedError(page);
    sentAnswerFamilyRequest();
    const user = (await find(COLLECTIONS.users, { _id: userIdFor(asker) }))[0] as {
      family?: { residentId: string }[];
    };
    expect(user.family?.filter((f) => f.residentId === selfId)).toHaveLength(1);
  });

  it('签约 确认签名, then 我的签约 撤回申请', async () => {
    const page = resident;
    await page.goto(`${emu.url}/#/pages/sign/index`);
    const team = page.getByTestId('team-team-cg-1');
    await team.waitFor();
    await button(team, '选择这个团队签约').click();
    await page.locator('.jy-pick', { hasText: '宋晓燕' }).click();
    await button(page, '下一步').click();
    await page.getByTestId('fee').waitFor();
    await button(page, '下一步').click();
    await page.getByTestId('agreement').waitFor();
    await page.locator('[role="checkbox"]', { hasText: '我已阅读并同意以上协议' }).click();
    await button(page, '下一步').click();
    await drawSignature(page);
    const sentSign = await doubleTap(page, button(page, '确认签名'), 'contract.sign');
    await page.getByText('已提交，等待团队确认').waitFor();
    await noRedError(page);
    sentSign();
    const signed = await contractsOf(selfId);
    expect(signed).toHaveLength(1);
    expect(signed[0]?.status).toBe('pending');

    await page.goto(`${emu.url}/#/pages/contract/index`);
    const card = page.getByTestId(`contract-${String(signed[0]?._id)}`);
    const sentWithdraw = await doubleTap(page, button(card, '撤回申请'), 'contract.withdraw');
    await card.getByText('已撤回').first().waitFor();
    await page.locator('.jy-ok', { hasText: '操作成功' }).waitFor();
    await noRedError(page);
    sentWithdraw();
    const after = await contractsOf(selfId);
    expect(after.map((c) => c.status)).toEqual(['withdrawn']);
  });

  it('doctor 签约审核: 确认签约 and 不通过', async () => {
    const mineId = await signByApi(selfId, 'dbl-sign-self');
    const parentFirst = await signByApi(parentId, 'dbl-sign-parent-1');
    doctor = await phonePage(browser);
    const page = doctor;
    await loginAs(page, 'demo-doctor-cg-1');
    await page.goto(`${emu.url}/#/packages/doctor/pages/contracts/index`);
    const mine = page.getByTestId(`review-${mineId}`);
    const sentConfirm = await doubleTap(page, button(mine, '确认签约'), 'contract.confirm');
    await page.getByText('已确认，居民会收到通知').waitFor();
    await mine.waitFor({ state: 'detached' });
    await noRedError(page);
    sentConfirm();
    expect((await contractsOf(selfId)).filter((c) => c.status === 'active')).toHaveLength(1);

    const theirs = page.getByTestId(`review-${parentFirst}`);
    await button(theirs, '不通过').click();
    await theirs.locator('input[placeholder="请填写不通过的原因"]').fill('请先补充身份证明');
    const sentReject = await doubleTap(page, button(theirs, '不通过'), 'contract.reject');
    await page.getByText('已退回，居民会收到通知').waitFor();
    await theirs.waitFor({ state: 'detached' });
    await noRedError(page);
    sentReject();
    expect((await contractsOf(parentId)).map((c) => c.status)).toEqual(['rejected']);
    // Signed again and confirmed, so the parent can be booked for below.
    const parentSecond = await signByApi(parentId, 'dbl-sign-parent-2');
    expect(await contract('confirm', { contractId: parentSecond }, 'demo-doctor-cg-1')).toMatchObject({
      ok: true,
    });
  });

  it('预约 确认预约, 我的预约 确认改约 and 确认取消', async () => {
    const page = resident;
    const booked = async () =>
      (await find(COLLECTIONS.appointments, { residentId: selfId, type: 'slot' })).filter(
        (a) => a.status === 'booked',
      );
    await page.goto(`${emu.url}/#/pages/booking/index`);
    await page.getByTestId('booking-who').locator('.jy-chip', { hasText: '宋晓燕' }).click();
    const open = page.locator('.jy-slot', { hasText: '余' }).first();
    await open.waitFor();
    await open.click();
    const sentBook = await doubleTap(
      page,
      button(page.getByTestId('booking-confirm'), '确认预约'),
      'appointment.book',
    );
    await page.getByTestId('booking-note').getByText('已为 宋晓燕 预约', { exact: false }).waitFor();
    await noRedError(page);
    sentBook();
    const first = await booked();
    expect(first).toHaveLength(1);

    await page.goto(`${emu.url}/#/pages/appointments/index`);
    const card = page.getByTestId(`appt-${String(first[0]?._id)}`);
    await button(card, '改约').click();
    const other = page.locator('[data-testid^="new-slot-"]').first();
    await other.waitFor();
    const newSlot = (await other.getAttribute('data-testid'))?.replace('new-slot-', '');
    await other.click();
    const sentReschedule = await doubleTap(
      page,
      button(page.getByTestId('reschedule-form'), '确认改约'),
      'appointment.reschedule',
    );
    await page.getByTestId('appointments-note').getByText('改约成功').waitFor();
    await noRedError(page);
    sentReschedule();
    const moved = await booked();
    expect(moved).toHaveLength(1);
    expect(moved[0]?.slotId).toBe(newSlot);

    const now = page.getByTestId(`appt-${String(moved[0]?._id)}`);
    await button(now, '取消预约').click();
    await page.getByTestId('cancel-form').locator('.jy-chip', { hasText: '临时有事' }).click();
    const sentCancel = await doubleTap(
      page,
      button(page.getByTestId('cancel-form'), '确认取消'),
      'appointment.cancel',
    );
    await page.getByTestId('appointments-note').getByText('已取消预约').waitFor();
    await noRedError(page);
    sentCancel();
    expect(await booked()).toHaveLength(0);
  });

  it('上门服务 提交申请 (two intents), then the doctor 接受 one and 婉拒 the other', async () => {
    const page = resident;
    await page.goto(`${emu.url}/#/pages/home-visit/index`);
    await page.locator('.jy-chip:visible', { hasText: '宋国平' }).click();
    for (const reason of ['换药', '测血压']) {
      await page.locator('input[placeholder^="上门地址"]').fill('解放路20号');
      await page.locator('textarea[placeholder^="需要什么帮助"]').fill(reason);
      const sentRequestHomeVisit = await doubleTap(
        page,
        button(page, '提交申请'),
        'appointment.requestHomeVisit',
      );
      await page.locator('[data-testid^="hv-"]', { hasText: reason }).waitFor();
      await noRedError(page);
      sentRequestHomeVisit();
    }
    const visits = async () => find(COLLECTIONS.appointments, { residentId: parentId, type: 'home_visit' });
    expect((await visits()).map((v) => v.reason).sort()).toEqual(['换药', '测血压'].sort());

    const doc = doctor;
    await doc.goto(`${emu.url}/#/packages/doctor/pages/agenda/index?teamId=team-cg-1`);
    const [a, b] = await visits();
    const accept = doc.getByTestId(`hv-${String(a?._id)}`);
    await accept.locator('input[placeholder^="上门时间"]').fill('14:30');
    const sentAcceptHomeVisit = await doubleTap(doc, button(accept, '接受'), 'appointment.acceptHomeVisit');
    // Answered requests leave the list of open ones (an accepted visit shows on its own day).
    await accept.waitFor({ state: 'detached' });
    const decline = doc.getByTestId(`hv-${String(b?._id)}`);
    await decline.locator('input[placeholder="婉拒原因"]').fill('当天人手不足');
    const sentDeclineHomeVisit = await doubleTap(
      doc,
      button(decline, '婉拒'),
      'appointment.declineHomeVisit',
    );
    await decline.waitFor({ state: 'detached' });
    await noRedError(doc);
    sentDeclineHomeVisit();
    sentAcceptHomeVisit();
    const byId = new Map((await visits()).map((v) => [v._id, v.status]));
    expect(byId.get(a?._id)).toBe('accepted');
    expect(byId.get(b?._id)).toBe('declined');
  });

  it('doctor 居民随访: 保存 a contact, a follow-up, a referral and a prescription', async () => {
    const page = doctor;
    const residentId = 'res-care-k5';
    const count = async (collection: string) => (await find(collection, { residentId })).length;
    const before = {
      contacts: await count(COLLECTIONS.contacts),
      followups: await count(COLLECTIONS.followups),
      referrals: await count(COLLECTIONS.referrals),
      prescriptions: await count(COLLECTIONS.prescriptions),
    };
    await page.goto(`${emu.url}/#/packages/doctor/pages/resident/index?residentId=${residentId}`);
    await page.getByText('服务记录').waitFor();
    const save = async (open: string, action: string, fill: () => Promise<void>) => {
      await button(page.locator('.jy-big-actions'), open).click();
      await fill();
      const once = await doubleTap(page, button(page.locator('.jy-card.jy-form'), '保存'), action);
      await page.locator('.jy-ok').first().waitFor();
      await page.locator('.jy-card.jy-form').waitFor({ state: 'detached' });
      await noRedError(page);
      once();
    };
    await save('记录联系', 'care.recordContact', async () => {
      await page.locator('#care-contact-form [data-chip="phone"]').click();
      await page.locator('#care-contact-form [data-chip="reached"]').click();
    });
    expect(await count(COLLECTIONS.contacts)).toBe(before.contacts + 1);
    await save('记录随访', 'care.recordFollowup', async () => {
      await page.locator('[data-chip="hypertension"]').first().click();
      await page.locator('input[placeholder="收缩压"]').fill('132');
      await page.locator('input[placeholder="舒张压"]').fill('84');
    });
    expect(await count(COLLECTIONS.followups)).toBe(before.followups + 1);
    await save('转诊', 'care.refer', async () => {
      await page.locator('input[placeholder="医院"]').fill('杭州市第一人民医院');
      await page.locator('input[placeholder="转诊原因"]').fill('血压控制不佳，需调整用药');
    });
    expect(await count(COLLECTIONS.referrals)).toBe(before.referrals + 1);
    await save('长期处方', 'care.prescribeLong', async () => {
      await page.locator('[data-chip="hypertension"]').first().click();
      await page.locator('input[placeholder^="药品"]').fill('氨氯地平片');
      const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      await page.locator('input[placeholder^="用药截止日期"]').fill(end);
    });
    expect(await count(COLLECTIONS.prescriptions)).toBe(before.prescriptions + 1);
  });

  it('doctor 居民咨询 回复', async () => {
    const page = doctor;
    await page.goto(`${emu.url}/#/packages/doctor/pages/consult/index`);
    const item = page.locator('[data-consult]').first();
    await item.waitFor();
    const consultId = String(await item.getAttribute('data-consult'));
    const replies = async () => (await find(COLLECTIONS.consultMessages, { consultId, from: 'team' })).length;
    const before = await replies();
    // The header line (name, time left) opens the conversation.
    await item.locator(':scope > *').first().click();
    await item.locator('textarea').fill('请连续一周早晚各测一次血压，周三上午来门诊。');
    const once = await doubleTap(page, button(item, '回复'), 'consult.reply');
    await page.locator(`[data-consult="${consultId}"] textarea`).waitFor({ state: 'detached' });
    await noRedError(page);
    once();
    expect(await replies()).toBe(before + 1);
  });

  it('doctor 居民咨询 结束咨询', async () => {
    const page = doctor;
    await page.goto(`${emu.url}/#/packages/doctor/pages/consult/index`);
    const item = page.locator('[data-consult]').first();
    await item.waitFor();
    const consultId = String(await item.getAttribute('data-consult'));
    await item.locator(':scope > *').first().click();
    const once = await doubleTap(page, button(item, '结束咨询'), 'consult.close');
    await page.locator('.jy-ok', { hasText: '已结束咨询' }).waitFor();
    await noRedError(page);
    once();
    expect((await find(COLLECTIONS.consults, { _id: consultId }))[0]?.status).toBe('closed');
  });

  it('doctor 网格上报: 家医报到 and 提交处置', async () => {
    const page = doctor;
    await page.goto(`${emu.url}/#/packages/doctor/pages/grid-reports/index`);
    const open = page.locator('[data-report]', { has: page.locator('.nut-button', { hasText: '家医报到' }) });
    await open.first().waitFor();
    const reportId = String(await open.first().getAttribute('data-report'));
    const card = page.locator(`[data-report="${reportId}"]`);
    const acked = await doubleTap(page, button(card, '家医报到'), 'grid.acknowledge');
    await card.locator('.nut-button', { hasText: '家医报到' }).waitFor({ state: 'detached' });
    await noRedError(page);
    acked();
    await button(card, '记录处置').click();
    await card.locator('input').first().fill('已电话联系，约本周门诊复查');
    const resolved = await doubleTap(page, button(card, '提交处置'), 'grid.resolve');
    await card.waitFor({ state: 'detached' });
    await noRedError(page);
    resolved();
    expect((await find(COLLECTIONS.reports, { _id: reportId }))[0]?.status).toBe('resolved');
  });

  it('隐私政策 撤回授权 (one confirmation, one withdrawal)', async () => {
    const who = `test-dbl-privacy-${Date.now().toString(36)}`;
    await callUser(emu, 'login', {}, who);
    const verified = await callUser(
      emu,
      'verifyIdentity',
      {
        name: '宋明',
        idNumber: demoIdNumber('330102', '1979-12-01', 94),
        mobile: '13712340094',
        consent: true,
        residence: { regionId: 'r-cg-dm', address: '解放路22号' },
      },
      who,
    );
    expect(verified).toMatchObject({ ok: true });
    const page = await phonePage(browser);
    await loginAs(page, who);
    await page.goto(`${emu.url}/#/pages/privacy/index`);
    await button(page, '撤回授权').dblclick();
    // The confirmation dialog (Taro's H5 modal); its 确定, double-tapped too, sends one withdrawal.
    await page.getByText('撤回后将停止处理您的个人信息', { exact: false }).first().waitFor();
    const once = await doubleTap(page, page.locator('.taro-model__confirm:visible'), 'user.withdrawConsent');
    await page.locator('.jy-muted', { hasText: '已撤回授权' }).waitFor();
    await noRedError(page);
    once();
  });

  it('消息 全部已读', async () => {
    const page = await phonePage(browser);
    await loginAs(page, 'demo-resident-1');
    await page.goto(`${emu.url}/#/pages/messages/index`);
    await page.locator('.jy-msg--unread').first().waitFor();
    const sentMarkRead = await doubleTap(
      page,
      page.locator('.jy-msgbtn', { hasText: '全部已读' }),
      'scheduler.markRead',
    );
    await page.getByText('没有未读消息').waitFor();
    await noRedError(page);
    sentMarkRead();
    const user = (await find(COLLECTIONS.users, { _id: userIdFor('demo-resident-1') }))[0];
    expect(
      await find(COLLECTIONS.messages, { owner: `r:${String(user?.residentId)}`, read: false }),
    ).toHaveLength(0);
  });

  it('我的签约 确认解约', async () => {
    const page = resident;
    const active = (await contractsOf(selfId)).find((c) => c.status === 'active');
    await page.goto(`${emu.url}/#/pages/contract/index`);
    const card = page.getByTestId(`contract-${String(active?._id)}`);
    await button(card, '解约').click();
    await card.locator('.jy-pick', { hasText: '本人申请解约' }).click();
    const sentTerminate = await doubleTap(page, button(card, '确认解约'), 'contract.terminate');
    await card.getByText('已解约').first().waitFor();
    await page.locator('.jy-ok', { hasText: '操作成功' }).waitFor();
    await noRedError(page);
    sentTerminate();
    expect((await contractsOf(selfId)).find((c) => c._id === active?._id)?.status).toBe('terminated');
  });

  it('doctor 预约日程: 已到诊 and 未到, once the visits have ended (emulator clock)', async () => {
    const appt = async (action: string, input: unknown, who: string) =>
      (await emu.callFn('appointment', { action, input }, who)).result as {
        ok: boolean;
        code?: string;
        data?: Record<string, unknown>;
      };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 8 * 3_600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
    const avail = await appt(
      'availability',
      { teamId: 'team-cg-1', residentId: parentId, from: today, to },
      openid,
    );
    const slots = (avail.data?.slots ?? []) as {
      slotId: string;
      day: string;
      end: string;
      seatsLeft: number;
    }[];
    const day = slots.find((x) => x.seatsLeft > 0)?.day;
    const two = slots.filter((x) => x.day === day && x.seatsLeft > 0).slice(0, 2);
    expect(two).toHaveLength(2);
    const ids: string[] = [];
    for (const slot of two) {
      const r = await appt('book', { slotId: slot.slotId, residentId: parentId }, openid);
      expect(r).toMatchObject({ ok: true });
      ids.push(String(r.data?.appointmentId));
    }
    // Both visits are over: the emulator's clock moves past their end (the server's "now").
    const after = new Date(Math.max(...two.map((x) => Date.parse(x.end))) + 10 * 60_000).toISOString();
    await fetch(`${emu.url}/_emulator/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ spec: after }),
    });
    const page = doctor;
    await page.goto(`${emu.url}/#/packages/doctor/pages/agenda/index?teamId=team-cg-1&day=${day}`);
    const came = page.getByTestId(`agenda-${ids[0]}`);
    const sentMarkAttended = await doubleTap(page, button(came, '已到诊'), 'appointment.markAttended');
    await came.getByText('已到诊').first().waitFor();
    await came.locator('.nut-button').first().waitFor({ state: 'detached' });
    const missed = page.getByTestId(`agenda-${ids[1]}`);
    const sentMarkNoShow = await doubleTap(page, button(missed, '未到'), 'appointment.markNoShow');
    await missed.getByText('未到诊').waitFor();
    await noRedError(page);
    sentMarkNoShow();
    sentMarkAttended();
    const status = async (id: string | undefined) =>
      (await find(COLLECTIONS.appointments, { _id: id }))[0]?.status;
    expect(await status(ids[0])).toBe('attended');
    expect(await status(ids[1])).toBe('no_show');
    expect(await find(COLLECTIONS.contacts, { _id: `ct_${ids[0]}` })).toHaveLength(1);
  });
});
