import { enqueueMany } from '../../cloudfunctions/_data/outbox.repo';
import { encryptPii } from '../../cloudfunctions/_lib/pii';
import { runScheduler } from '../../cloudfunctions/scheduler/run.handler';
import type { WxOpenApi } from '../../cloudfunctions/scheduler/support/channels';
import type { RunEnv } from '../../cloudfunctions/scheduler/support/run';
import { smsFromEnv } from '../../cloudfunctions/scheduler/support/sms';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { OutboxMessage } from '../../shared/db/schemas/outbox';
import { contextApp, functionEnv, type TestEmulator } from '../support/emulator';
import type { Any } from './appointment-support';

/** Gives a test resident a sealed mobile number (SMS needs one). */
export async function giveMobile(emu: TestEmulator, residentId: string, mobile: string): Promise<void> {
  await emu
    .sdkApp()
    .database()
    .collection(COLLECTIONS.residents)
    .doc(residentId)
    .update({ mobileEnc: encryptPii(mobile), mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}` });
}

/** Fires the deployed scheduler's timer through the emulator (its clock, its worker). */
export async function fireTimer(emu: TestEmulator, trigger = 'tick', fn = 'scheduler'): Promise<Any> {
  const res = await fetch(`${emu.url}/_emulator/api/trigger/${fn}?trigger=${trigger}`, {
    method: 'POST',
  });
  return res.json();
}

/**
 * Runs the scheduler's jobs in this process against the emulator through the real SDK, with a
 * chosen instant, limits and test hooks (how a test "kills" a run half-way).
 */
export async function runInProcess(
  emu: TestEmulator,
  now: Date,
  p: {
    runId: string;
    limits?: Partial<RunEnv['limits']>;
    hooks?: RunEnv['hooks'];
    budgetMs?: number;
    trigger?: 'tick' | 'daily';
  },
) {
  const app = contextApp(emu.url);
  return runScheduler(p.trigger ?? 'tick', {
    db: app.database(),
    wx: app as unknown as WxOpenApi,
    now,
    runId: p.runId,
    sms: smsFromEnv({ ...functionEnv(emu.url), JY_SMS_PROVIDER: 'emulator' }),
    ...(p.limits ? { limits: p.limits } : {}),
    ...(p.hooks ? { hooks: p.hooks } : {}),
    ...(p.budgetMs ? { budgetMs: p.budgetMs } : {}),
  });
}

/** Queues `n` test messages due at `at` for the given residents (round robin). */
export async function queueTestMessages(
  emu: TestEmulator,
  prefix: string,
  n: number,
  residentIds: string[],
  at: Date,
  kind = 'appointment.reminder',
): Promise<string[]> {
  const msgs: OutboxMessage[] = Array.from({ length: n }, (_, i) => ({
    _id: `${prefix}_${String(i).padStart(3, '0')}`,
    kind,
    template: 'appointmentReminder',
    to: { residentId: residentIds[i % residentIds.length]! },
    title: `测试消息 ${i}`,
    body: '测试正文',
    data: {
      resident: '测试居民',
      time: '2026-11-26 09:00',
      place: '东门社区卫生服务站',
      doctor: '王建国医生',
    },
    page: 'pages/appointments/index',
    sendAfter: at,
  }));
  await enqueueMany(contextApp(emu.url).database(), msgs, at);
  return msgs.map((m) => m._id);
}
