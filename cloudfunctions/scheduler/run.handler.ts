import cloudbase from '@cloudbase/node-sdk';
import { now as clockNow } from '../_lib/clock';
import { currentDatabase, type Database } from '../_lib/db';
import { expireStaleMediaChecks } from '../consult/verdict.handler';
import { runDueCampaigns } from '../education/support/fanout';
import { careNotices } from './care.handler';
import { deliverDue } from './deliver.handler';
import { contractNotices } from './notices.handler';
import { fanOutPushes } from './push.handler';
import type { WxOpenApi } from './support/channels';
import { DEFAULT_LIMITS, emptyStats, type RunEnv, type RunLimits, type RunStats } from './support/run';
import { smsFromEnv } from './support/sms';

/** The timer triggers of config.json. `tick`: every 5 minutes; `daily`: 02:00 Shanghai. */
export const TRIGGERS = ['tick', 'daily'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Work a run may start before it stops (the function's time-out is 60 s). */
export const RUN_BUDGET_MS = 40_000;

/**
 * One scheduler run. `daily` first queues the nightly notices (contracts, care); every run then
 * fans out pending pushes and delivers what is due. Each job is bounded and checkpointed, so the
 * order only decides what a run squeezed for time leaves for the next one.
 */
export async function runScheduler(
  trigger: Trigger,
  p: {
    db: Database;
    wx: WxOpenApi;
    now: Date;
    runId: string;
    sms?: RunEnv['sms'];
    budgetMs?: number;
    limits?: Partial<RunLimits>;
    hooks?: RunEnv['hooks'];
  },
): Promise<RunStats> {
  const env: RunEnv = {
    db: p.db,
    wx: p.wx,
    sms: p.sms === undefined ? smsFromEnv() : p.sms,
    now: p.now,
    runId: p.runId,
    deadline: Date.now() + (p.budgetMs ?? RUN_BUDGET_MS),
    limits: { ...DEFAULT_LIMITS, ...p.limits },
    ...(p.hooks ? { hooks: p.hooks } : {}),
    stats: emptyStats(),
  };
  if (trigger === 'daily') {
    await contractNotices(env);
    await careNotices(env);
  }
  await fanOutPushes(env);
  // Education's campaigns (scheduled, or cut short by their own time budget) resume here.
  await runDueCampaigns(env.db, env.now, Math.max(0, Math.min(15_000, env.deadline - Date.now() - 20_000)));
  await deliverDue(env);
  // Consultation photos whose content-security verdict never arrived are refused (fail closed).
  if (trigger === 'tick') await expireStaleMediaChecks(env.db, env.now);
  return env.stats;
}

/** The timer entry: production wiring (current environment, platform clock). */
export async function onTimer(event: { TriggerName?: string }, requestId: string): Promise<RunStats> {
  const trigger: Trigger = event.TriggerName === 'daily' ? 'daily' : 'tick';
  const app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });
  const stats = await runScheduler(trigger, {
    db: currentDatabase(),
    wx: app as unknown as WxOpenApi,
    now: clockNow(),
    runId: `run_${requestId}`,
  });
  // Counts only: never recipients or content.
  console.log(`[scheduler] ${trigger} ${JSON.stringify(stats)}`);
  return stats;
}
