import type { Browser, Locator, Page } from 'playwright-core';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { uploadSignatureAs } from '../support/signature';
import { launchBrowser, loginAs, phonePage, shot, startServedEmulator } from './support/browser';

const RESIDENT = 'demo-resident-1'; // 张秀兰, res-demo-1, 东门社区
const LEADER = 'demo-doctor-cg-1'; // 王建国, leader of team-cg-1
// A 1×1 PNG: the smallest file that passes the contract function's signature check.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
type Env = { ok: boolean; code?: string; data?: Record<string, unknown> };
/** NutUI buttons wrap their text: click the button itself. */
const button = (scope: Page | Locator, text: string) =>
  scope.locator('.nut-button', { hasText: text }).first();

// Issue 7 journey on the served H5 build against the emulator running the built functions: a
// signed resident books a slot on the 预约 tab and sees it in 我的预约; the team leader opens the
// agenda for that day and marks the visit attended (which records a contact).
describe('appointment journey in Chromium', () => {
  let browser: Browser;
  let emu: TestEmulator;
  const call = async (fn: string, action: string, input: unknown, openid: string): Promise<Env> =>
    (await emu.callFn(fn, { action, input }, openid)).result as Env;

  beforeAll(async () => {
    emu = await startServedEmulator();
    // The seed has no active contracts yet: sign and confirm through the real contract function
    // (no hand-written contract documents), so the resident is a signed resident of team-cg-1.
    const signatureFileId = await uploadSignatureAs(emu, RESIDENT, PNG);
    const mine = await call('contract', 'mine', {}, RESIDENT);
    const contracts = (mine.data?.contracts ?? []) as { status: string; teamId: string }[];
    if (!contracts.some((c) => c.status === 'active' && c.teamId === 'team-cg-1')) {
      const s = await call(
        'contract',
        'sign',
        {
          residentId: 'res-demo-1',
          teamId: 'team-cg-1',
          packageIds: ['pkg-basic'],
          consent: true,
          requestId: 'appt-journey',
          signatureFileId,
        },
        RESIDENT,
      );
      expect(s).toMatchObject({ ok: true });
      const c = await call('contract', 'confirm', { contractId: s.data?.contractId }, LEADER);
      expect(c).toMatchObject({ ok: true, data: { status: 'active' } });
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  /** Logs in on the H5 dev login page as a seeded demo identity (lands on 我的). */
  it('signed resident books → doctor sees it in the agenda → marks attended', async () => {
    const resident = await phonePage(browser);
    await loginAs(resident, emu.url, '张秀兰 · 居民');
    await resident.goto(`${emu.url}/#/pages/booking/index`);
    await resident.getByText('签约居民可提前预约', { exact: false }).waitFor();
    const slot = resident.locator('.jy-slot', { hasNotText: '约满' }).first();
    await slot.waitFor();
    await shot(resident, 'appointment-booking');
    await slot.click();
    await button(resident, '确认预约').click();
    await resident.getByText('已为', { exact: false }).waitFor();
    await shot(resident, 'appointment-booked');

    // The booking as the server stored it (the page chose the first open slot of the first day).
    const mine = await call('appointment', 'mine', {}, RESIDENT);
    type Booked = { appointmentId: string; day: string; start: string; status: string; residentId: string };
    const list = (mine.data?.appointments ?? []) as Booked[];
    const booked = list.find((a) => a.residentId === 'res-demo-1' && a.status === 'booked');
    if (!booked) throw new Error('no booking for res-demo-1');

    await resident.goto(`${emu.url}/#/pages/appointments/index`);
    await resident.getByTestId(`appt-${booked.appointmentId}`).waitFor();
    await shot(resident, 'appointment-mine');

    // Attended may be marked from 60 minutes before the start: move the server clock to
    // 30 minutes before the booked slot.
    emu.setClockOffset(new Date(booked.start).getTime() - 30 * 60_000 - Date.now());

    const doctor = await phonePage(browser);
    await loginAs(doctor, emu.url, '王建国 · 家庭医生');
    await doctor.goto(`${emu.url}/#/packages/doctor/pages/agenda/index?teamId=team-cg-1&day=${booked.day}`);
    const card = doctor.getByTestId(`agenda-${booked.appointmentId}`);
    await card.getByText('张秀兰', { exact: false }).waitFor();
    await card.getByText('待就诊', { exact: false }).waitFor();
    await shot(doctor, 'appointment-agenda');
    await button(card, '已到诊').click();
    await card.getByText('· 已到诊', { exact: false }).waitFor();
    expect(await card.locator('.nut-button').count()).toBe(0);
    await shot(doctor, 'appointment-attended');

    // Attended records a contact (counts toward the quarterly contact rule).
    const contact = await emu
      .sdkApp()
      .database()
      .collection(COLLECTIONS.contacts)
      .doc(`ct_${booked.appointmentId}`)
      .get();
    expect(contact.data).toHaveLength(1);
    // The team's schedule editor (doctors of the team may edit their team's schedules).
    await doctor.goto(`${emu.url}/#/packages/admin/pages/schedule/index?teamId=team-cg-1`);
    await doctor.locator('.jy-card', { hasText: '周三 14:00–16:30' }).first().waitFor();
    await shot(doctor, 'appointment-schedule');
    // The resident's home-visit request form.
    await resident.goto(`${emu.url}/#/pages/home-visit/index`);
    await resident.locator('.jy-chip', { hasText: '张秀兰' }).waitFor();
    await shot(resident, 'appointment-home-visit');
    // No full ID number or raw mobile on the doctor's page.
    expect(await doctor.content()).not.toMatch(/\d{17}[\dX]/);
  }, 180_000);
});
