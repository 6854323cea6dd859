/**
 * Education benchmark: an institution of N residents (1 in 10 with hypertension, two in three
 * signed). Database requests (emulator `GET /_emulator/api/invocations`) and latency of
 * previewAudience, push (fan-out inline), a second push of the same article (nobody twice),
 * feed and markRead, through the real function behind the gateway.
 * Run: npx tsx bench/education.ts [N]
 */
import { userIdFor } from '../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';

const N = Number(process.argv[2] ?? 10_000);
const NOW = '2026-11-25T10:00:00+08:00';
const DOCTOR = 'demo-doctor-cg-1';

type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number };
const ms = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e6);

async function main(): Promise<void> {
  const emu = await startSeededEmulator(['user', 'education']);
  try {
    emu.setClockOffset(new Date(NOW).getTime() - Date.now());
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
    const db: any = emu.sdkApp().database();
    for (let b = 0; b < N / 1000; b++) {
      const ids = Array.from({ length: 1000 }, (_x, i) => b * 1000 + i);
      await db.collection(COLLECTIONS.residents).add(
        ids.map((k) => ({
          _id: `res-b${String(k).padStart(6, '0')}`,
          idHash: `bench-${k}`,
          name: `居民${k}`,
          birthDate: k % 5 === 0 ? '1950-01-01' : '1980-01-01',
          sex: k % 2 ? 'male' : 'female',
          tags: k % 10 === 0 ? ['hypertension'] : [],
          gridId: `r-bench-g${k % 20}`,
          institutionId: 'inst-cg',
        })),
      );
      await db.collection(COLLECTIONS.contracts).add(
        ids
          .filter((k) => k % 3 !== 0)
          .map((k) => ({
            _id: `ct-b${k}`,
            residentId: `res-b${String(k).padStart(6, '0')}`,
            teamId: 'team-cg-1',
            status: 'active',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
          })),
      );
    }
    await db.collection(COLLECTIONS.users).doc(userIdFor('bench-reader')).set({
      openid: 'bench-reader',
      role: 'resident',
      residentId: 'res-b000010',
      family: [],
      createdAt: new Date(),
    });
    const call = async (action: string, input: unknown, openid = DOCTOR) => {
      const t0 = process.hrtime.bigint();
      const r = (await emu.callFn('education', { action, input }, openid)).result as {
        ok: boolean;
        data?: Record<string, unknown>;
        code?: string;
      };
      const took = ms(t0);
      const inv = (await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=education')).filter(
        (i) => i.action === action,
      );
      return { r, took, db: inv[inv.length - 1]?.dbRequests };
    };
    const art = 'art-seed-hypertension';
    const rule = { tags: ['hypertension'], signed: 'signed' };
    const p = await call('previewAudience', { articleId: art, rule });
    console.log(`previewAudience (N=${N}): count=${p.r.data?.count} db=${p.db} ms=${p.took}`);
    const push1 = await call('push', { articleId: art, rule });
    console.log(`push #1: ${JSON.stringify(push1.r.data ?? push1.r)} db=${push1.db} ms=${push1.took}`);
    const push2 = await call('push', { articleId: art, rule });
    console.log(
      `push #2 (same article): ${JSON.stringify(push2.r.data ?? push2.r)} db=${push2.db} ms=${push2.took}`,
    );
    const feed = await call('feed', {}, 'bench-reader');
    console.log(`feed: items=${(feed.r.data?.items as unknown[])?.length} db=${feed.db} ms=${feed.took}`);
    const read = await call('markRead', { articleId: art, progress: 'read_to_end' }, 'bench-reader');
    console.log(`markRead: db=${read.db} ms=${read.took}`);
    const reach = await call('reach', { articleId: art });
    console.log(`reach: ${JSON.stringify(reach.r.data)} db=${reach.db} ms=${reach.took}`);
  } finally {
    await emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
