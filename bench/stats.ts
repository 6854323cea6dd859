// Database requests and latency of the stats function on the emulator with a district of N extra
// residents (default 10,000): `NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/stats.ts [N] [samples] [live-district]`.
// The residents are spread over bench institutions of ~33,000 each (a district of a million has
// dozens of health centres), two teams each; a third are signed, half of those contacted this year.
// Figures from the emulator's own metrics (GET /_emulator/api/invocations): every SDK request the
// function made, the guard's included, and its duration.
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';

const N = Number(process.argv[2] ?? 10_000);
const SAMPLES = Number(process.argv[3] ?? 5);
/** Time the live (non-rollup) district aggregation SAMPLES times (default up to 100,000), else once. */
const LIVE_DISTRICT = process.argv[4] ? process.argv[4] === 'yes' : N <= 100_000;
const DAY = '2026-11-25';
const PER_INSTITUTION = 33_000;
const K = Math.max(3, Math.ceil(N / PER_INSTITUTION));
const TOWNSHIPS = ['r-cg', 'r-qs', 'r-hk'];
const ADMIN = 'demo-district-admin';
type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number; result?: { ok: boolean } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const inst = (i: number) => `bench-inst-${i}`;
const team = (i: number, t: number) => `bench-team-${i}-${t}`;

async function main() {
  const emu = await startSeededEmulator(['stats']);
  try {
    const db = emu.sdkApp().database();
    const t0 = Date.now();
    await db.collection(COLLECTIONS.institutions).add(
      Array.from({ length: K }, (_, i) => ({
        _id: inst(i),
        name: `基准卫生院${i}`,
        townshipId: TOWNSHIPS[i % 3],
        districtId: 'r-demo',
      })),
    );
    await db.collection(COLLECTIONS.teams).add(
      Array.from({ length: K * 2 }, (_, j) => ({
        _id: team(Math.floor(j / 2), j % 2),
        name: `基准团队${j}`,
        institutionId: inst(Math.floor(j / 2)),
        districtId: 'r-demo',
        capacity: 100_000,
        members: [],
      })),
    );
    for (let i = 0; i < N; i += 1000) {
      const n = Math.min(1000, N - i);
      const ids = Array.from({ length: n }, (_, k) => i + k);
      const instOf = (j: number) => Math.floor(j / PER_INSTITUTION) % K;
      const teamOf = (j: number) => team(instOf(j), j % 2);
      await db.collection(COLLECTIONS.residents).add(
        ids.map((j) => ({
          _id: `bench-r-${j}`,
          name: `居民${j}`,
          idHash: `bench-hash-${j}`,
          birthDate: j % 4 === 0 ? '1950-01-01' : '1985-01-01',
          sex: 'female',
          tags: j % 7 === 0 ? ['hypertension'] : [],
          institutionId: inst(instOf(j)),
          ...(j % 3 === 0 ? { teamId: teamOf(j) } : {}),
          districtId: 'r-demo',
          createdAt: new Date(),
        })),
      );
      const signed = ids.filter((j) => j % 3 === 0);
      if (signed.length)
        await db.collection(COLLECTIONS.contracts).add(
          signed.map((j) => ({
            _id: `bench-k-${j}`,
            residentId: `bench-r-${j}`,
            teamId: teamOf(j),
            institutionId: inst(instOf(j)),
            packageIds: ['pkg-basic'],
            kind: 'new',
            status: 'active',
            signedAt: new Date('2026-01-01T00:00:00Z'),
            confirmedAt: new Date('2026-01-02T00:00:00Z'),
            signedBy: `bench-r-${j}`,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
          })),
        );
      const contacted = signed.filter((j) => j % 2 === 0);
      if (contacted.length)
        await db.collection(COLLECTIONS.contacts).add(
          contacted.map((j) => ({
            _id: `bench-x-${j}`,
            residentId: `bench-r-${j}`,
            teamId: teamOf(j),
            day: '2026-10-15',
            at: new Date('2026-10-15T02:00:00Z'),
            channel: 'phone',
            outcome: 'reached',
          })),
        );
      if (i % 100_000 === 0 && i > 0) console.log(`  … ${i} residents written (${Date.now() - t0} ms)`);
    }
    console.log(
      `wrote ${N} residents over ${K} institutions (+ contracts, contacts) in ${Date.now() - t0} ms`,
    );
    const call = async (action: string, input: unknown) =>
      (await emu.callFn('stats', { action, input }, ADMIN)).result as {
        ok: boolean;
        code?: string;
        data?: { remaining?: number; source?: string };
      };
    const last = async (n: number) => {
      const invs = await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=stats');
      const list = Array.isArray(invs)
        ? invs
        : ((invs as unknown as { invocations: Inv[] }).invocations ?? []);
      return list.slice(-n);
    };
    const report = (name: string, xs: Inv[]) =>
      console.log(
        `${name}: N=${N}+seed, requests ${median(xs.map((v) => v.dbRequests))} (max ${Math.max(...xs.map((v) => v.dbRequests))}), median ${median(xs.map((v) => v.durationMs))} ms over ${xs.length} [${xs.map((v) => v.durationMs).join(', ')}]`,
      );
    const measure = async (name: string, action: string, input: unknown, samples = SAMPLES) => {
      for (let s = 0; s < samples; s++) {
        const r = await call(action, input);
        if (!r.ok) console.log(`  ${name} failed: ${r.code}`);
      }
      report(name, await last(samples));
    };

    await measure('indicators team (live)', 'indicators', { level: 'team', id: team(0, 0), day: DAY });
    await measure('indicators institution (live)', 'indicators', {
      level: 'institution',
      id: inst(0),
      day: DAY,
    });
    await measure(
      'indicators district (live)',
      'indicators',
      { level: 'district', day: DAY, live: true },
      LIVE_DISTRICT ? SAMPLES : 1,
    );
    // The nightly rollup: calls until every institution of the district has its sums for DAY.
    const r0 = Date.now();
    let calls = 0;
    for (;;) {
      const r = await call('rollup', { day: DAY });
      calls++;
      if (!r.ok) throw new Error(`rollup failed: ${r.code}`);
      if ((r.data?.remaining ?? 0) === 0) break;
    }
    const rolls = await last(calls);
    console.log(
      `rollup: ${calls} call(s), ${Date.now() - r0} ms in all, per call [${rolls.map((v) => `${v.durationMs} ms/${v.dbRequests} req`).join(', ')}]`,
    );
    await measure('indicators district (rollup)', 'indicators', { level: 'district', day: DAY });
    await measure('indicators township (rollup)', 'indicators', { level: 'township', id: 'r-qs', day: DAY });
    await measure(
      'teamPerformance district (quarter)',
      'teamPerformance',
      { level: 'district', day: DAY },
      3,
    );
    await measure(
      'trend team (4 quarters, live)',
      'trend',
      { level: 'team', id: team(0, 0), by: 'quarter', day: DAY },
      LIVE_DISTRICT ? 3 : 1,
    );
  } finally {
    emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
