import { COLLECTIONS } from '../../shared/constants/collections';
import { SUBSCRIBE_TEMPLATES } from '../../shared/wx/subscribe-templates';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, callAppt, makeResident, pinClock, WANG_SCHEDULE } from './appointment-support';
import { fireTimer, giveMobile, queueTestMessages, runInProcess } from './scheduler-support';

// The scheduler end to end: the deployed function fired by the emulator's timer on the emulator
// clock, the real SDK, WeChat's subscribe API and the SMS fake as the emulator records them.
// Wednesday 2026-11-25 10:00 Shanghai; Dr Wang's clinic has 09:00 slots on weekdays.
const ADMIN = 'demo-admin-cg';
const NOW = '2026-11-25T10:00:00+08:00';
const TPL = SUBSCRIBE_TEMPLATES.appointmentReminder.id;
let emu: TestEmulator;
let db: Any;

type WxEntry = { touser: string; templateId: string; status: string; data: Record<string, string> };
type SmsEntry = { outboxId: string; mobileMasked: string; kind: string };
const wxSent = async (touser: string) =>
  (await emu.getJson<WxEntry[]>('/_emulator/api/outbox')).filter((o) => o.touser === touser);
const smsFor = async (prefix: string) =>
  (await emu.getJson<SmsEntry[]>('/_emulator/api/sms')).filter((s) => s.outboxId.startsWith(prefix));
const inbox = async (residentId: string) =>
  (
    await db
      .collection(COLLECTIONS.messages)
      .where({ owner: `r:${residentId}` })
      .get()
  ).data as Any[];
const outboxDoc = async (id: string) => (await db.collection(COLLECTIONS.outbox).doc(id).get()).data[0];

beforeAll(async () => {
  process.env.JY_SMS_PROVIDER = 'emulator';
  emu = await startSeededEmulator(['user', 'appointment', 'scheduler']);
  db = emu.sdkApp().database();
  pinClock(emu, NOW);
  expect((await callAppt(emu, 'setSchedule', WANG_SCHEDULE, ADMIN)).ok).toBe(true);
}, 120_000);
afterAll(() => emu?.close());

describe('appointment reminders', () => {
  it('a booking for tomorrow 09:00 gets one 20:00 and one 07:00 reminder, by the channel its credits allow', async () => {
    const me = await makeResident(emu, 'rem1', { signedTo: 'team-cg-1' });
    await giveMobile(emu, me.residentId, '13800001111');
    const slotId = 'sch-st-cg-1-20261126-0900';
    // Accepting the reminder at booking gives one one-time credit.
    const r = await callAppt(emu, 'book', { slotId, residentId: me.residentId, subscribed: true }, me.openid);
    expect(r.ok).toBe(true);
    const id = r.data.appointmentId as string;
    const eve = `apptrem_${id}_202611260100_eve`;
    const before = `apptrem_${id}_202611260100_before`;
    expect(await outboxDoc(eve)).toMatchObject({
      status: 'queued',
      sendAfter: new Date('2026-11-25T12:00:00Z'),
    });
    expect(await outboxDoc(before)).toMatchObject({
      status: 'queued',
      sendAfter: new Date('2026-11-25T23:00:00Z'),
    });

    // 19:55: nothing due yet.
    pinClock(emu, '2026-11-25T19:55:00+08:00');
    expect((await fireTimer(emu)).result).toMatchObject({ ok: true, data: { delivered: 0 } });
    expect(await wxSent(me.openid)).toHaveLength(0);

    // 20:00: the evening reminder, as a subscribe message (the credit is consumed).
    pinClock(emu, '2026-11-25T20:00:00+08:00');
    expect((await fireTimer(emu)).result).toMatchObject({ ok: true, data: { delivered: 1, subscribe: 1 } });
    // The same tick fired again, and the next ones through the night, send nothing more.
    expect((await fireTimer(emu)).result.data.delivered).toBe(0);
    pinClock(emu, '2026-11-25T23:30:00+08:00');
    expect((await fireTimer(emu)).result.data.delivered).toBe(0);
    const wx = await wxSent(me.openid);
    expect(wx).toHaveLength(1);
    expect(wx[0]).toMatchObject({ templateId: TPL, status: 'sent' });
    expect(wx[0]!.data.time2).toBe('2026-11-26 09:00');
    expect(await outboxDoc(eve)).toMatchObject({ status: 'sent', channel: 'subscribe' });

    // 07:00: the 2-hour reminder. No credit left → SMS (configured, number on file) + in-app.
    pinClock(emu, '2026-11-26T07:00:00+08:00');
    expect((await fireTimer(emu)).result).toMatchObject({ ok: true, data: { delivered: 1, sms: 1 } });
    expect((await fireTimer(emu)).result.data.delivered).toBe(0);
    expect(await wxSent(me.openid)).toHaveLength(1);
    const texts = await smsFor(`apptrem_${id}`);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({
      outboxId: before,
      mobileMasked: '138****1111',
      kind: 'appointment.reminder',
    });
    expect(await outboxDoc(before)).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(JSON.stringify(await outboxDoc(before))).not.toContain('13800001111');

    // Both reached the message centre, once each.
    const msgs = await inbox(me.residentId);
    expect(msgs.map((m: Any) => m._id).sort()).toEqual([before, eve].sort());
    expect(msgs.every((m: Any) => m.read === false)).toBe(true);
  });

  it('a resident without credits gets the in-app message, and an SMS only where a number is on file', async () => {
    pinClock(emu, NOW);
    const withPhone = await makeResident(emu, 'rem2', { signedTo: 'team-cg-1' });
    await giveMobile(emu, withPhone.residentId, '13900002222');
    const noPhone = await makeResident(emu, 'rem3', { signedTo: 'team-cg-1' });
    const slotId = 'sch-st-cg-1-20261127-0930';
    const a = await callAppt(emu, 'book', { slotId, residentId: withPhone.residentId }, withPhone.openid);
    const b = await callAppt(emu, 'book', { slotId, residentId: noPhone.residentId }, noPhone.openid);
    expect(a.ok && b.ok).toBe(true);
    pinClock(emu, '2026-11-26T20:00:00+08:00');
    expect((await fireTimer(emu)).result.data).toMatchObject({
      delivered: 2,
      subscribe: 0,
      sms: 1,
      inappOnly: 1,
    });
    expect(await wxSent(withPhone.openid)).toHaveLength(0);
    expect(await wxSent(noPhone.openid)).toHaveLength(0);
    expect(await smsFor(`apptrem_${a.data.appointmentId}`)).toHaveLength(1);
    expect(await smsFor(`apptrem_${b.data.appointmentId}`)).toHaveLength(0);
    expect(await inbox(withPhone.residentId)).toHaveLength(1);
    expect(await inbox(noPhone.residentId)).toHaveLength(1);
    expect(await outboxDoc(`apptrem_${b.data.appointmentId}_202611270130_eve`)).toMatchObject({
      status: 'sent',
      channel: 'inapp',
      channelReason: 'no credit; in-app only',
    });
  });
});

describe('exactly once', () => {
  const at = new Date('2026-11-28T02:00:00Z');
  let residents: { openid: string; residentId: string }[] = [];

  beforeAll(async () => {
    residents = [];
    for (const k of ['x1', 'x2', 'x3', 'x4'])
      residents.push(await makeResident(emu, k, { signedTo: 'team-cg-1' }));
    // x1 and x2 hold plenty of one-time credits; x3 and x4 hold none.
    for (const r of residents.slice(0, 2))
      await emu.callFn('scheduler', { action: 'subscribe', input: { accepted: [TPL] } }, r.openid);
    await db
      .collection(COLLECTIONS.subscriptions)
      .where({
        template: 'appointmentReminder',
        residentId: db.command.in(residents.map((r) => r.residentId)),
      })
      .update({ credits: 100 });
  });

  const check = async (ids: string[]) => {
    const wx = (await emu.getJson<(WxEntry & { page?: string })[]>('/_emulator/api/outbox')).filter((o) =>
      residents.some((r) => r.openid === o.touser),
    );
    const { data: docs } = await db
      .collection(COLLECTIONS.outbox)
      .where({ _id: db.command.in(ids) })
      .limit(1000)
      .get();
    const { data: copies } = await db
      .collection(COLLECTIONS.messages)
      .where({ _id: db.command.in(ids) })
      .limit(1000)
      .get();
    return { wx, docs: docs as Any[], copies: copies as Any[] };
  };

  it('a run killed after K messages and run again sends every message exactly once', async () => {
    // Whatever earlier tests left due by then goes first, so the counts below are this test's.
    await runInProcess(emu, at, { runId: 'flush' });
    const ids = await queueTestMessages(
      emu,
      'kill',
      30,
      residents.map((r) => r.residentId),
      at,
    );
    const wxBefore = (await emu.getJson<WxEntry[]>('/_emulator/api/outbox')).length;
    await expect(
      runInProcess(emu, at, {
        runId: 'kill-1',
        limits: { batch: 20 },
        hooks: {
          afterMessage: (n) => {
            if (n === 7) throw new Error('killed');
          },
        },
      }),
    ).rejects.toThrow('killed');
    // Run again at once: the dead run's claims are still leased; the rest of the queue is sent.
    const second = await runInProcess(emu, at, { runId: 'kill-2', limits: { batch: 20 } });
    expect(second.delivered).toBe(10);
    // After the lease expires the leftovers of the killed run are reclaimed and finished: of its
    // 20 claimed, the 4 subscribe sends before the kill were settled at once (0, 1, 4, 5); the
    // in-app-only ones are settled per batch, so 16 remain — and none of them is sent twice.
    const later = new Date(at.getTime() + 3 * 60_000);
    const third = await runInProcess(emu, later, { runId: 'kill-3' });
    expect(third.delivered).toBe(16);
    expect((await runInProcess(emu, later, { runId: 'kill-4' })).delivered).toBe(0);

    const { wx, docs, copies } = await check(ids);
    expect(docs.every((d) => d.status === 'sent')).toBe(true);
    expect(copies).toHaveLength(30);
    // Credits only for x1/x2 (i % 4 = 0 or 1): 16 subscribe messages, none twice.
    expect(wx.length).toBeGreaterThanOrEqual(16);
    const subscribed = docs.filter((d) => d.channel === 'subscribe');
    expect(subscribed).toHaveLength(16);
    const { data: sends } = await db
      .collection(COLLECTIONS.sends)
      .where({ outboxId: db.command.in(ids), channel: 'subscribe' })
      .limit(1000)
      .get();
    expect(sends).toHaveLength(16);
    expect((sends as Any[]).every((s) => s.status === 'sent')).toBe(true);
    expect((await emu.getJson<WxEntry[]>('/_emulator/api/outbox')).length - wxBefore).toBe(16);
  });

  it('a job run twice, or two runs overlapping, sends each message once', async () => {
    const ids = await queueTestMessages(
      emu,
      'twice',
      40,
      residents.map((r) => r.residentId),
      at,
    );
    const wxBefore = (await emu.getJson<WxEntry[]>('/_emulator/api/outbox')).length;
    const [a, b] = await Promise.all([
      runInProcess(emu, at, { runId: 'ovl-a', limits: { batch: 10 } }),
      runInProcess(emu, at, { runId: 'ovl-b', limits: { batch: 10 } }),
    ]);
    expect(a.delivered + b.delivered).toBe(40);
    expect((await runInProcess(emu, at, { runId: 'ovl-c' })).delivered).toBe(0);
    const { docs, copies } = await check(ids);
    expect(docs.every((d) => d.status === 'sent')).toBe(true);
    expect(copies).toHaveLength(40);
    expect((await emu.getJson<WxEntry[]>('/_emulator/api/outbox')).length - wxBefore).toBe(20);
  });
});

describe('nightly notices', () => {
  it('care: one overdue digest per team leader, follow-ups opening today to residents, uncontacted at quarter end', async () => {
    // Fixture care state in the careTasks schema (the care function writes these).
    const day = '2026-12-20'; // 11 days before the quarter ends
    const tasks = [
      {
        _id: 'res-c1:contact.quarterly',
        residentId: 'res-c1',
        kind: 'contact.quarterly',
        start: '2026-10-01',
        end: '2026-12-31',
        from: '2026-10-01',
      },
      {
        _id: 'res-c2:contact.quarterly',
        residentId: 'res-c2',
        kind: 'contact.quarterly',
        start: '2026-10-01',
        end: '2026-12-31',
        from: '2026-10-01',
      },
      {
        _id: 'res-c3:followup.hypertension.quarterly',
        residentId: 'res-c3',
        kind: 'followup.hypertension.quarterly',
        start: '2026-09-01',
        end: '2026-11-30',
        from: '2026-08-25',
      },
      {
        _id: 'res-c4:followup.diabetes.quarterly',
        residentId: 'res-c4',
        kind: 'followup.diabetes.quarterly',
        start: '2026-12-27',
        end: '2027-03-26',
        from: day,
      },
    ];
    for (const { _id, ...t } of tasks)
      await db
        .collection(COLLECTIONS.careTasks)
        .doc(_id)
        .set({
          ...t,
          teamId: 'team-cg-1',
          attempts: 0,
          reason: '测试',
          nameMasked: '测**',
          updatedAt: new Date(),
        });
    // The demo seed's care state for team-cg-1 counts too: expected figures from the same indexes.
    const _ = db.command;
    const careCount = async (w: object) =>
      (
        await db
          .collection(COLLECTIONS.careTasks)
          .where({ teamId: 'team-cg-1', ...w })
          .count()
      ).total as number;
    const overdue = await careCount({ from: _.lte(day), end: _.lt(day) });
    const uncontacted = await careCount({ kind: 'contact.quarterly', end: _.lte('2026-12-31') });
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(uncontacted).toBeGreaterThanOrEqual(2);
    const now = new Date(`${day}T02:00:00+08:00`);
    const s1 = await runInProcess(emu, now, { runId: 'care-1', trigger: 'daily' });
    const s2 = await runInProcess(emu, now, { runId: 'care-2', trigger: 'daily' });
    expect(s1.queued).toBeGreaterThanOrEqual(3);
    expect(s2.queued).toBe(0);
    const digest = await outboxDoc(`carodigest_team-cg-1_${day}`);
    expect(digest).toMatchObject({
      kind: 'care.overdueDigest',
      to: { staffId: 'st-cg-1' },
      title: `今日随访待办：${overdue} 项已逾期`,
    });
    expect(await outboxDoc('careq_team-cg-1_2026-Q4')).toMatchObject({
      kind: 'care.quarterUncontacted',
      title: `本季度还有 ${uncontacted} 位居民未联系`,
    });
    expect(await outboxDoc(`carefu_res-c4_followup.diabetes.quarterly_2026-12-27`)).toMatchObject({
      kind: 'care.followupDue',
      to: { residentId: 'res-c4' },
    });
    // Delivered from 08:00: the leader's message centre gets the digest once.
    await runInProcess(emu, new Date(`${day}T08:00:00+08:00`), { runId: 'care-3' });
    const staffInbox = (
      await db
        .collection(COLLECTIONS.messages)
        .where({ owner: 's:st-cg-1', kind: 'care.overdueDigest' })
        .get()
    ).data as Any[];
    // (The demo seed's digest is there too.)
    expect(staffInbox.filter((m) => m._id === `carodigest_team-cg-1_${day}`)).toHaveLength(1);
  });
});
