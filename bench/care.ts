/**
 * Care benchmark at 1,000 and 100,000 signed residents: database requests per call (emulator
 * `GET /_emulator/api/invocations`) and median latency of `worklist` (first page), `recordContact`
 * and `coverage`, through the real function behind the gateway. Residents are spread over five
 * teams, so Dr Wang's team-cg-1 holds a fifth of them; each has its care state, its quarterly
 * contact task (a third already contacted this quarter) and is counted on the team counters.
 * Run: npx tsx bench/care.ts            (both sizes)   npx tsx bench/care.ts 1000   (one size)
 */
import cloudbase from '@cloudbase/node-sdk';
import { userIdFor } from '../cloudfunctions/_lib/caller';
import { chainId, maskName, reasonFor, visibleFrom } from '../shared/care/plan';
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';

const SAMPLES = 30;
// Small insert batches: each stays well under the SDK's request time-out while indexes grow.
const BATCH = 250;
const NOW = '2026-11-25T10:00:00+08:00';
const TODAY = '2026-11-25';
const Q = { key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const TEAMS = ['team-cg-1', 'team-cg-2', 'team-qs-1', 'team-qs-2', 'team-hk-1'];
const DOCTOR = 'demo-doctor-cg-1';

type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function run(n: number) {
  const emu = await startSeededEmulator(['user', 'care']);
  try {
    emu.setClockOffset(new Date(NOW).getTime() - Date.now());
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
    const db: any = cloudbase
      .init({
        env: 'local-dev',
        secretId: 'bench',
        secretKey: 'bench',
        serviceUrl: `${emu.url}/admin`,
        protocol: 'http',
        timeout: 600_000, // loading 100,000 documents into growing indexes: no client time-out
      } as Parameters<typeof cloudbase.init>[0])
      .database();
    const now = new Date(NOW);
    const t0 = process.hrtime.bigint();
    const contacted: Record<string, number> = {};
    const signed: Record<string, number> = {};
    for (let b = 0; b < Math.ceil(n / BATCH); b++) {
      const ks = Array.from({ length: Math.min(BATCH, n - b * BATCH) }, (_x, i) => b * BATCH + i);
      const rid = (k: number) => `res-cb${k}`;
      const team = (k: number) => TEAMS[k % TEAMS.length] as string;
      const done = (k: number) => k % 3 === 0;
      await db.collection(COLLECTIONS.residents).add(
        ks.map((k) => ({
          _id: rid(k),
          idHash: `cb-${k}`,
          name: `居民${k}`,
          birthDate: '1960-01-01',
          tags: [],
        })),
      );
      await db.collection(COLLECTIONS.contracts).add(
        ks.map((k) => ({
          _id: `ct-cb${k}`,
          residentId: rid(k),
          teamId: team(k),
          institutionId: 'inst-cg',
          status: 'active',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        })),
      );
      await db.collection(COLLECTIONS.careStates).add(
        ks.map((k) => ({
          _id: rid(k),
          residentId: rid(k),
          teamId: team(k),
          contractId: `ct-cb${k}`,
          term: { start: '2026-01-01', end: '2026-12-31' },
          nameMasked: maskName(`居民${k}`),
          tags: [],
          status: 'active',
          recentGlucose: [],
          chains: done(k) ? [] : [chainId(rid(k), 'contact.quarterly')],
          ...(done(k) ? { lastContactDay: '2026-10-15', lastContactQuarter: Q.key } : {}),
          createdAt: now,
          updatedAt: now,
        })),
      );
      const open = ks.filter((k) => !done(k));
      if (open.length)
        await db.collection(COLLECTIONS.careTasks).add(
          open.map((k) => ({
            _id: chainId(rid(k), 'contact.quarterly'),
            residentId: rid(k),
            teamId: team(k),
            kind: 'contact.quarterly',
            start: Q.start,
            end: Q.end,
            from: visibleFrom(Q.start, undefined),
            attempts: 0,
            reason: reasonFor('contact.quarterly', Q, TODAY),
            nameMasked: maskName(`居民${k}`),
            updatedAt: now,
          })),
        );
      if (b % 40 === 39) console.error(`loaded ${(b + 1) * BATCH} in ${(ms(t0) / 1000).toFixed(0)} s`);
      for (const k of ks) {
        signed[team(k)] = (signed[team(k)] ?? 0) + 1;
        if (done(k)) contacted[team(k)] = (contacted[team(k)] ?? 0) + 1;
      }
    }
    for (const t of TEAMS) {
      await db
        .collection(COLLECTIONS.careCounters)
        .doc(`team:${t}`)
        .set({ signed: signed[t] ?? 0, updatedAt: now });
      await db
        .collection(COLLECTIONS.careCounters)
        .doc(`team:${t}:${Q.key}`)
        .set({ contacted: contacted[t] ?? 0, updatedAt: now });
    }
    const loadS = ms(t0) / 1000;

    const call = async (action: string, input: unknown) => {
      const r = (await emu.callFn('care', { action, input }, DOCTOR)).result as {
        ok: boolean;
        code?: string;
        data?: unknown;
      };
      if (!r.ok) throw new Error(`${action}: ${r.code}`);
      return r.data;
    };
    const timed = async (action: string, inputs: (i: number) => unknown) => {
      const xs: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        // The per-user write limit (a few writes a minute) is reset between samples, outside the timing.
        await db.collection(COLLECTIONS.users).doc(userIdFor(DOCTOR)).update({ writes: db.command.remove() });
        const t = process.hrtime.bigint();
        await call(action, inputs(i));
        xs.push(ms(t));
      }
      const invs = (await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=care')).filter(
        (v) => v.action === action,
      );
      return {
        medianMs: Number(median(xs).toFixed(1)),
        medianFnMs: median(invs.map((v) => v.durationMs)),
        dbRequests: median(invs.map((v) => v.dbRequests)),
        dbRequestsMax: Math.max(...invs.map((v) => v.dbRequests)),
      };
    };
    const worklist = await timed('worklist', () => ({}));
    // Residents of team-cg-1 not yet contacted: k ≡ 0 (mod 5) and k ≢ 0 (mod 3).
    const targets = Array.from({ length: n }, (_x, k) => k).filter((k) => k % 5 === 0 && k % 3 !== 0);
    const recordContact = await timed('recordContact', (i) => ({
      residentId: `res-cb${targets[i % targets.length]}`,
      channel: 'phone',
      outcome: 'reached',
    }));
    const coverage = await timed('coverage', () => ({ teamId: 'team-cg-1' }));
    const cov = (await call('coverage', { teamId: 'team-cg-1' })) as { line: string };
    return {
      residents: n,
      loadSeconds: Number(loadS.toFixed(1)),
      worklist,
      recordContact,
      coverage,
      line: cov.line,
    };
  } finally {
    await emu.close();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : [1_000, 100_000];
  const out = [];
  for (const n of sizes) out.push(await run(n));
  console.log(JSON.stringify(out, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
