// Demo messaging: a day of activity through the real scheduler. Outbox entries are queued as the
// functions queue them (reminders, renewal and pending-request notices, a follow-up reminder, a
// staff digest), then the scheduler's delivery runs at three moments of the past day, so the
// message centre, the channel choices, the emulator's WeChat outbox and SMS log are what the
// system itself produced. One entry is left dead-lettered and tomorrow's reminders stay queued.

import { enqueueMany } from '../../cloudfunctions/_data/outbox.repo';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import type { Database } from '../../cloudfunctions/_lib/db';
import { runScheduler } from '../../cloudfunctions/scheduler/run.handler';
import type { WxOpenApi } from '../../cloudfunctions/scheduler/support/channels';
import { smsFromEnv } from '../../cloudfunctions/scheduler/support/sms';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { OutboxMessage } from '../../shared/db/schemas/outbox';
import { subscriptionId } from '../../shared/db/schemas/subscriptions';
import { addDays, shanghaiDay } from '../../shared/time';

const H = 3_600_000;

type SeedApp = WxOpenApi & { database(): unknown };

export async function seedDemoMessages(
  app: SeedApp,
  url: string,
  now: Date,
): Promise<{ outbox: number; delivered: number }> {
  const db = app.database() as Database;
  const today = shanghaiDay(now);
  const tomorrow = addDays(today, 1);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * H);
  const res1 = userIdFor('demo-resident-1');
  // 张秀兰 accepted the reminder once (at booking) and the long-term follow-up reminder.
  for (const [template, mode] of [
    ['appointmentReminder', 'once'],
    ['followupDue', 'long'],
  ] as const) {
    await db
      .collection(COLLECTIONS.subscriptions)
      .doc(subscriptionId(res1, template))
      .set({
        userId: res1,
        residentId: 'res-demo-1',
        template,
        mode,
        credits: mode === 'once' ? 1 : 0,
        ...(mode === 'long' ? { long: true } : {}),
        acceptedAt: at(30),
        updatedAt: at(30),
      });
  }
  const msgs: OutboxMessage[] = [
    {
      _id: 'demo_apptrem_eve',
      kind: 'appointment.reminder',
      template: 'appointmentReminder',
      to: { residentId: 'res-demo-1' },
      title: '明天有预约就诊',
      body: `${today} 09:00，东门社区卫生服务站，王建国医生。请按时就诊，不能前往请提前取消。`,
      data: { resident: '张秀兰', time: `${today} 09:00`, place: '东门社区卫生服务站', doctor: '王建国医生' },
      page: 'pages/appointments/index',
      sendAfter: at(14),
      ref: { kind: 'appointment', id: 'demo-appt-1' },
    },
    {
      _id: 'demo_renewal_res2',
      kind: 'contract.renewal',
      template: 'renewalNotice',
      to: { residentId: 'res-demo-2' },
      title: '家庭医生签约即将到期',
      body: '您与城关一队的签约将于下月到期，可在“我的签约”中续约。',
      data: { resident: '李明', date: addDays(today, 25), team: '城关一队', note: '可在我的签约中续约' },
      page: 'pages/contract/index',
      sendAfter: at(9),
    },
    {
      _id: 'demo_followup_res1',
      kind: 'care.followupDue',
      template: 'followupDue',
      to: { residentId: 'res-demo-1' },
      title: '高血压随访到期',
      body: '您的高血压季度随访本周到期，家庭医生会电话联系您，也可到站点测量血压。',
      data: { item: '高血压季度随访', date: addDays(today, 3), note: '可到站点测量血压' },
      page: 'pages/health/index',
      sendAfter: at(9),
    },
    {
      _id: 'demo_pending_stcg1',
      kind: 'contract.pendingOverdue',
      template: 'workDigest',
      to: { staffId: 'st-cg-1' },
      title: '签约申请待审核',
      body: '王建国的签约申请已等待超过3天，请尽快审核。',
      data: { item: '签约申请待审核', count: '1', date: today },
      page: 'packages/doctor/pages/contracts/index',
      sendAfter: at(6),
    },
    {
      _id: 'demo_digest_stcg1',
      kind: 'care.overdueDigest',
      template: 'workDigest',
      to: { staffId: 'st-cg-1' },
      title: '今日随访待办：3 项已逾期',
      body: '您的团队有 3 项随访已逾期、5 项本周到期，请在工作台查看。',
      data: { item: '随访已逾期', count: '3', date: today },
      page: 'packages/doctor/pages/index/index',
      sendAfter: at(6),
    },
    {
      _id: 'demo_push_res1',
      kind: 'health.tip',
      to: { residentId: 'res-demo-1' },
      title: '冬季血压管理小贴士',
      body: '天冷血管收缩，血压容易升高：按时服药、注意保暖、每天早晚各量一次血压。',
      page: 'pages/health/index',
      sendAfter: at(2),
    },
    {
      _id: `demo_apptrem_${tomorrow}_eve`,
      kind: 'appointment.reminder',
      template: 'appointmentReminder',
      to: { residentId: 'res-demo-1' },
      title: '明天有预约就诊',
      body: `${tomorrow} 09:30，东门社区卫生服务站。请按时就诊。`,
      data: {
        resident: '张秀兰',
        time: `${tomorrow} 09:30`,
        place: '东门社区卫生服务站',
        doctor: '家庭医生团队',
      },
      page: 'pages/appointments/index',
      sendAfter: new Date(now.getTime() + 10 * H),
    },
  ];
  const queued = await enqueueMany(db, msgs, at(24));
  // Delivery runs of the past day (the scheduler's timer would have done these).
  const sms = smsFromEnv({
    JY_SMS_PROVIDER: 'emulator',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
  });
  let delivered = 0;
  for (const h of [14, 9, 6, 2]) {
    const s = await runScheduler('tick', {
      db,
      wx: app,
      now: at(h),
      runId: `seed_${h}`,
      sms,
      budgetMs: 20_000,
    });
    delivered += s.delivered;
  }
  // One the doctor has read; one dead-lettered after five refusals; one withdrawn (booking cancelled).
  await db
    .collection(COLLECTIONS.messages)
    .doc('demo_pending_stcg1')
    .update({ read: true, readAt: at(5) });
  await db
    .collection(COLLECTIONS.outbox)
    .doc('demo_dead_res3')
    .set({
      kind: 'contract.expired',
      template: 'renewalNotice',
      to: { residentId: 'res-demo-3' },
      title: '家庭医生签约已到期',
      body: '您的签约已到期，到期后 30 天内仍可续约。',
      data: { resident: '张桂芳', date: addDays(today, -1), note: '签约已到期，可续约' },
      page: 'pages/contract/index',
      sendAfter: at(20),
      status: 'dead',
      attempts: 5,
      lastError: '45009 reach max api daily quota limit',
      channelReason: 'one-time credit',
      createdAt: at(23),
      updatedAt: at(3),
    });
  await db
    .collection(COLLECTIONS.outbox)
    .doc('demo_apptrem_cancelled')
    .set({
      kind: 'appointment.reminder',
      template: 'appointmentReminder',
      to: { residentId: 'res-demo-2' },
      title: '预约就诊即将开始',
      body: '已取消的预约，提醒已撤回。',
      data: {},
      sendAfter: new Date(now.getTime() + 20 * H),
      status: 'cancelled',
      attempts: 0,
      createdAt: at(20),
      updatedAt: at(4),
    });
  return { outbox: queued + 2, delivered };
}
