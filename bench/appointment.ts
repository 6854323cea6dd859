/**
 * Appointment benchmark at 100,000 residents: database requests per call (emulator
 * `GET /_emulator/api/invocations`) and median latency of `availability` (one team, one month)
 * and `book`, through the real function behind the gateway.
 * Run: npx tsx bench/appointment.ts
 */
import { userIdFor } from '../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';

const N = Number(process.argv[2] ?? 100_000);
const BOOKERS = 100;
const SAMPLES = Number(process.argv[3] ?? 30);
const NOW = '2026-11-25T10:00:00+08:00';

type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const emu = await startSeededEmulator(['user', 'appointment']);
  try {
    emu.setClockOffset(new Date(NOW).getTime() - Date.now());
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
    const db: any = emu.sdkApp().database();
    const teams = ['team-cg-1', 'team-cg-2', 'team-qs-1', 'team-qs-2', 'team-hk-1'];
    let t = process.hrtime.bigint();
    for (let b = 0; b < N / 1000; b++) {
      const ids = Array.from({ length: 1000 }, (_x, i) => b * 1000 + i);
      await db.collection(COLLECTIONS.residents).add(
        ids.map((k) => ({
          _id: `res-b${k}`,
          idHash: `bench-${k}`,
          name: `居民${k}`,
          birthDate: '1960-01-01',
          tags: [],
        })),
      );
      // Two in three residents are signed, spread over the five teams.
      await db.collection(COLLECTIONS.contracts).add(
        ids
          .filter((k) => k % 3 !== 0)
          .map((k) => ({
            _id: `ct-b${k}`,
            residentId: `res-b${k}`,
            teamId: teams[k % teams.length],
            status: 'active',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
          })),
      );
    }
    await db.collection(COLLECTIONS.users).add(
      Array.from({ length: BOOKERS }, (_x, k) => ({
        _id: userIdFor(`bench-${k}`),
        openid: `bench-${k}`,
        role: 'resident',
        residentId: `res-b${k}`,
        family: [],
      })),
    );
    console.log(
      `loaded ${N} residents and ${Math.round((N * 2) / 3)} contracts in ${(ms(t) / 1000).toFixed(1)} s`,
    );

    const call = async (action: string, input: unknown, openid: string) => {
      const r = (await emu.callFn('appointment', { action, input }, openid)).result as {
        ok: boolean;
        code?: string;
      };
      if (!r.ok) throw new Error(`${action}: ${r.code}`);
    };
    await call(
      'setSchedule',
      {
        doctorId: 'st-cg-1',
        teamId: 'team-cg-1',
        from: '2026-06-01',
        to: '2027-05-31',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '11:30', capacity: 6 })),
      },
      'demo-admin-cg',
    );
    const invs = async (action: string) =>
      (await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=appointment')).filter(
        (i) => i.action === action,
      );

    // Book: each booker takes a different slot over the next two weeks (signed or not, by k).
    const slotIds: string[] = [];
    for (const day of [
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ])
      for (const hhmm of ['0800', '0830', '0900', '0930', '1000', '1030', '1100'])
        slotIds.push(`sch-st-cg-1-${day.replaceAll('-', '')}-${hhmm}`);
    const bookMs: number[] = [];
    for (let k = 0; k < BOOKERS; k++) {
      t = process.hrtime.bigint();
      await call('book', { slotId: slotIds[k % slotIds.length], residentId: `res-b${k}` }, `bench-${k}`);
      bookMs.push(ms(t));
    }
    const availMs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      t = process.hrtime.bigint();
      await call('availability', { teamId: 'team-cg-1', from: '2026-11-25', to: '2026-12-25' }, `bench-${i}`);
      availMs.push(ms(t));
    }
    const a = await invs('availability');
    const b = await invs('book');
    console.log(
      JSON.stringify(
        {
          residents: N,
          availability: {
            samples: SAMPLES,
            medianMs: Number(median(availMs).toFixed(1)),
            medianFnMs: median(a.map((i) => i.durationMs)),
            dbRequests: median(a.map((i) => i.dbRequests)),
          },
          book: {
            samples: BOOKERS,
            medianMs: Number(median(bookMs).toFixed(1)),
            medianFnMs: median(b.map((i) => i.durationMs)),
            dbRequests: median(b.map((i) => i.dbRequests)),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
