// Database requests and latency of stats.indicators on the emulator with a district of N extra
// residents (default 10,000): `npx tsx bench/stats.ts [N] [samples]`. A third of them are signed,
// half of those contacted this year. Figures from the emulator's own metrics
// (GET /_emulator/api/invocations): every SDK request the function made, the guard's included.
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';

const N = Number(process.argv[2] ?? 10_000);
const SAMPLES = Number(process.argv[3] ?? 5);
const DAY = '2026-11-25';
const INSTS = [
  ['inst-cg', 'team-cg-1'],
  ['inst-qs', 'team-qs-1'],
  ['inst-hk', 'team-hk-1'],
] as const;
type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number; result?: { ok: boolean } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const emu = await startSeededEmulator(['stats']);
  try {
    const db = emu.sdkApp().database();
    const t0 = Date.now();
    for (let i = 0; i < N; i += 1000) {
      const n = Math.min(1000, N - i);
      const ids = Array.from({ length: n }, (_, k) => i + k);
      const at = (j: number) => INSTS[j % 3] as (typeof INSTS)[number];
      await db.collection(COLLECTIONS.residents).add(
        ids.map((j) => ({
          _id: `bench-r-${j}`,
          name: `居民${j}`,
          idHash: `bench-hash-${j}`,
          birthDate: j % 4 === 0 ? '1950-01-01' : '1985-01-01',
          sex: 'female',
          tags: j % 7 === 0 ? ['hypertension'] : [],
          institutionId: at(j)[0],
          teamId: j % 3 === 0 ? at(j)[1] : undefined,
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
            teamId: at(j)[1],
            institutionId: at(j)[0],
            packageIds: ['pkg-basic'],
            kind: 'new',
            status: 'active',
            signedAt: new Date('2026-01-01T00:00:00Z'),
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
            teamId: at(j)[1],
            day: '2026-10-15',
            channel: 'phone',
          })),
        );
    }
    console.log(`wrote ${N} residents (+ contracts, contacts) in ${Date.now() - t0} ms`);
    const call = async (input: unknown, openid: string) =>
      (await emu.callFn('stats', { action: 'indicators', input }, openid)).result as {
        ok: boolean;
        code?: string;
      };
    const cases: [string, unknown, string][] = [
      ['district', { level: 'district', day: DAY }, 'demo-district-admin'],
      ['institution', { level: 'institution', id: 'inst-cg', day: DAY }, 'demo-district-admin'],
      ['team', { level: 'team', id: 'team-cg-1', day: DAY }, 'demo-district-admin'],
    ];
    for (const [, input, openid] of cases)
      for (let s = 0; s < SAMPLES; s++) {
        const r = await call(input, openid);
        if (!r.ok) throw new Error(`indicators failed: ${r.code}`);
      }
    const invs = await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=stats');
    const list = Array.isArray(invs) ? invs : ((invs as unknown as { invocations: Inv[] }).invocations ?? []);
    cases.forEach(([name], c) => {
      const xs = list.slice(c * SAMPLES, (c + 1) * SAMPLES);
      console.log(
        `${name}: N=${N}+seed, requests ${median(xs.map((v) => v.dbRequests))} (max ${Math.max(...xs.map((v) => v.dbRequests))}), median ${median(xs.map((v) => v.durationMs))} ms over ${xs.length}`,
      );
    });
  } finally {
    emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
