/**
 * Scheduler benchmark through the deployed function fired by the emulator's timer:
 * 1. database requests of a run with nothing due, at 1,000 and at 100,000 signed residents (each
 *    with a delivered message in its history, so the outbox and inbox grow with the population);
 * 2. one push to 100,000 residents: runs until the fan-out is complete, and the longest run, against
 *    the function's configured time-out; then how many messages a run delivers.
 * Figures from `GET /_emulator/api/invocations?fn=scheduler` (dbRequests, durationMs).
 * Run: npx tsx bench/scheduler.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { pushJobId } from '../cloudfunctions/_data/push.repo';
import { COLLECTIONS } from '../shared/constants/collections';
import { TEST_ENV_ID } from '../tests/support/emulator';
import { startSeededEmulator } from '../tests/support/identity';

const NOW = '2026-11-25T10:00:00+08:00';
const TIMEOUT_S = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../cloudfunctions/scheduler/config.json'), 'utf8')) as {
    timeout: number;
  }
).timeout;

type Inv = { fn: string; dbRequests: number; durationMs: number; status: string; code?: string };

async function main(): Promise<void> {
  const emu = await startSeededEmulator(['scheduler']);
  const app = cloudbase.init({
    env: TEST_ENV_ID,
    secretId: 'bench',
    secretKey: 'bench',
    serviceUrl: `${emu.url}/admin`,
    protocol: 'http',
    timeout: 300_000,
  } as Parameters<typeof cloudbase.init>[0]);
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
  const db: any = app.database();
  emu.setClockOffset(new Date(NOW).getTime() - Date.now());
  const at = new Date(NOW);
  const fire = async (trigger: 'tick' | 'daily'): Promise<Inv> => {
    const res = await fetch(`${emu.url}/_emulator/api/trigger/scheduler?trigger=${trigger}`, {
      method: 'POST',
    });
    const j = (await res.json()) as { result?: { ok: boolean }; code?: string };
    if (!j.result?.ok) throw new Error(`run failed: ${JSON.stringify(j).slice(0, 300)}`);
    const invs = await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=scheduler');
    return invs[invs.length - 1]!;
  };
  let loaded = 0;
  const load = async (upTo: number) => {
    for (let b = loaded; b < upTo; b += 1000) {
      const ids = Array.from({ length: Math.min(1000, upTo - b) }, (_x, i) => b + i);
      await db.collection(COLLECTIONS.residents).add(
        ids.map((k) => ({
          _id: `res-b${String(k).padStart(6, '0')}`,
          idHash: `bench-${k}`,
          name: `居民${k}`,
          birthDate: '1960-01-01',
          tags: [],
          institutionId: 'inst-bench',
          teamId: 'team-cg-1',
        })),
      );
      await db.collection(COLLECTIONS.contracts).add(
        ids.map((k) => ({
          _id: `ct-b${k}`,
          residentId: `res-b${String(k).padStart(6, '0')}`,
          teamId: 'team-cg-1',
          status: 'active',
          signedAt: new Date('2026-01-01T00:00:00Z'),
          startDate: '2026-01-01',
          endDate: '2027-06-30',
        })),
      );
      // History: one delivered message per resident (outbox, inbox, send record).
      await db.collection(COLLECTIONS.outbox).add(
        ids.map((k) => ({
          _id: `hist_${k}`,
          kind: 'appointment.reminder',
          to: { residentId: `res-b${k}` },
          title: '历史',
          body: '历史',
          data: {},
          sendAfter: new Date('2026-11-01T00:00:00Z'),
          status: 'sent',
          channel: 'inapp',
          attempts: 0,
          createdAt: new Date('2026-11-01T00:00:00Z'),
        })),
      );
      await db.collection(COLLECTIONS.messages).add(
        ids.map((k) => ({
          _id: `hist_${k}`,
          owner: `r:res-b${k}`,
          kind: 'appointment.reminder',
          title: '历史',
          body: '历史',
          read: true,
          createdAt: new Date('2026-11-01T00:00:00Z'),
        })),
      );
      if ((b + 1000) % 10_000 === 0) console.log(`  … ${b + 1000} residents loaded`);
    }
    loaded = upTo;
  };

  const idle: Record<string, { tick: number; daily: number; tickMs: number }> = {};
  for (const n of [1_000, 100_000]) {
    const t0 = Date.now();
    await load(n);
    console.log(`loaded ${n} signed residents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await fire('daily'); // first nightly run sets its cursors
    await fire('tick');
    const daily = await fire('daily');
    const tick = await fire('tick');
    idle[n] = { tick: tick.dbRequests, daily: daily.dbRequests, tickMs: tick.durationMs };
    console.log(
      `nothing due at ${n}: tick ${tick.dbRequests} DB requests (${tick.durationMs} ms), daily ${daily.dbRequests}`,
    );
  }

  // One push to all 100,000.
  await db
    .collection(COLLECTIONS.jobs)
    .doc(pushJobId('bench1'))
    .set({
      type: 'push',
      status: 'active',
      push: {
        articleId: 'art-bench',
        title: '冬季流感预防要点',
        summary: '接种流感疫苗，勤洗手，室内常通风。',
        page: 'pages/article/index?id=art-bench',
        audience: { institutionIds: ['inst-bench'] },
        sendAfter: at,
      },
      fannedOut: 0,
      createdAt: at,
      updatedAt: at,
    });
  const fanRuns: Inv[] = [];
  for (let i = 0; i < 50; i++) {
    fanRuns.push(await fire('tick'));
    const j = (await db.collection(COLLECTIONS.jobs).doc(pushJobId('bench1')).get()).data[0];
    if (j.status === 'done') {
      console.log(`fan-out of 100,000 done in ${fanRuns.length} runs (fannedOut ${j.fannedOut})`);
      break;
    }
  }
  const longest = Math.max(...fanRuns.map((r) => r.durationMs));
  console.log(`fan-out runs: ${fanRuns.map((r) => `${r.durationMs}ms/${r.dbRequests}req`).join(', ')}`);
  console.log(`longest fan-out run ${longest} ms; configured time-out ${TIMEOUT_S * 1000} ms`);
  const queued = async () =>
    (await db.collection(COLLECTIONS.outbox).where({ status: 'queued' }).count()).total;
  const deliverRuns: Inv[] = [];
  const before = await queued();
  for (let i = 0; i < 3; i++) deliverRuns.push(await fire('tick'));
  const after = await queued();
  const perRun = (before - after) / deliverRuns.length;
  console.log(
    `delivery: ${before} queued → ${after} after ${deliverRuns.length} runs (${perRun} per run; longest ${Math.max(...deliverRuns.map((r) => r.durationMs))} ms, ${deliverRuns.map((r) => r.dbRequests).join('/')} requests): all 100,000 in-app copies in ≈${Math.ceil(100_000 / Math.max(1, perRun))} runs at one run per 5 minutes`,
  );
  console.log(
    JSON.stringify({
      idle,
      fanOutRuns: fanRuns.length,
      longestFanOutMs: longest,
      timeoutMs: TIMEOUT_S * 1000,
      deliveredPerRun: perRun,
    }),
  );
  await emu.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
