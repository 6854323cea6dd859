/**
 * Consult benchmark: database (and all SDK) requests per call, from the emulator's invocation
 * records, and median latency, with N conversations already in team-cg-1's inbox (a third of them
 * overdue) and their messages. Also the wxa_media_check push (one per checked file) and
 * responseFigures (stats.teamPerformance) over the answers of a month.
 * Run: npx tsx bench/consult.ts            (1,000 and 10,000)   npx tsx bench/consult.ts 1000
 */
import cloudbase from '@cloudbase/node-sdk';
import { responseFigures } from '../cloudfunctions/_data/consults.repo';
import { COLLECTIONS } from '../shared/constants/collections';
import { makeResident } from '../tests/integration/appointment-support';
import { startSeededEmulator } from '../tests/support/identity';

const SAMPLES = 5;
const BATCH = 250;
const NOW = '2026-11-25T10:00:00+08:00';
const NURSE = 'demo-nurse-cg-2';
const H = 3_600_000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Inv = {
  id: string;
  fn: string;
  source: string;
  action?: string;
  dbRequests: number;
  apiRequests: number;
  durationMs?: number;
  status?: string;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function run(n: number) {
  const emu = await startSeededEmulator(['user', 'consult']);
  const post = async (p: string, body: unknown = {}) =>
    (
      await fetch(emu.url + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<Record<string, unknown>>;
  try {
    emu.setClockOffset(new Date(NOW).getTime() - Date.now());
    await post('/_emulator/api/mediacheck/hold', { hold: true });
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
    const db: any = cloudbase
      .init({
        env: 'local-dev',
        secretId: 'bench',
        secretKey: 'bench',
        serviceUrl: `${emu.url}/admin`,
        protocol: 'http',
        timeout: 600_000,
      } as Parameters<typeof cloudbase.init>[0])
      .database();
    const now = new Date(NOW).getTime();
    for (let b = 0; b < Math.ceil(n / BATCH); b++) {
      const ks = Array.from({ length: Math.min(BATCH, n - b * BATCH) }, (_x, i) => b * BATCH + i);
      await db.collection(COLLECTIONS.consults).add(
        ks.map((k) => {
          const asked = new Date(now - (k % 3 === 0 ? 80 : 2) * H);
          return {
            _id: `cs_res-bench${k}`,
            residentId: `res-bench${k}`,
            teamId: 'team-cg-1',
            status: 'open',
            awaiting: k % 2 === 0,
            dueAt: k % 2 === 0 ? new Date(asked.getTime() + 24 * H) : null,
            askedAt: k % 2 === 0 ? asked : null,
            lastAt: asked,
            lastFrom: 'resident',
            messageCount: 2,
            ...(k % 5 === 0 ? { lastStaffId: 'st-cg-2' } : {}),
            createdAt: asked,
          };
        }),
      );
      await db.collection(COLLECTIONS.consultMessages).add(
        ks.flatMap((k) => [
          {
            _id: `cs_res-bench${k}_q`,
            consultId: `cs_res-bench${k}`,
            residentId: `res-bench${k}`,
            teamId: 'team-cg-1',
            from: 'resident',
            text: '问题',
            createdAt: new Date(now - 5 * H),
          },
          {
            _id: `cs_res-bench${k}_a`,
            consultId: `cs_res-bench${k}`,
            residentId: `res-bench${k}`,
            teamId: 'team-cg-1',
            from: 'team',
            text: '回答',
            staffId: k % 2 ? 'st-cg-1' : 'st-cg-2',
            firstAnswer: true,
            responseMinutes: 30 + (k % 600),
            withinPromise: k % 7 !== 0,
            createdAt: new Date(now - 4 * H),
          },
        ]),
      );
    }
    const r = await makeResident(emu, 'bench-me', { signedTo: 'team-cg-1' });
    const upload = async (name: string) =>
      (
        await post('/storage/upload', {
          cloudPath: `consult/${r.residentId}/${name}`,
          base64: PNG.toString('base64'),
        })
      ).fileID as string;

    const rows: [string, number, number, number][] = [];
    const measure = async (
      label: string,
      fn: string,
      action: string,
      input: () => unknown,
      openid: string,
    ) => {
      const times: number[] = [];
      let last: Inv | undefined;
      for (let i = 0; i < SAMPLES; i++) {
        const inp = input();
        const t0 = process.hrtime.bigint();
        const res = (await emu.callFn(fn, { action, input: inp }, openid)).result as {
          ok: boolean;
          code?: string;
        };
        times.push(ms(t0));
        if (!res.ok) throw new Error(`${label}: ${res.code}`);
        const invs = await emu.getJson<Inv[]>(`/_emulator/api/invocations?fn=${fn}`);
        last = invs.filter((x) => x.action === action).at(-1);
      }
      rows.push([label, last?.dbRequests ?? -1, last?.apiRequests ?? -1, Math.round(median(times))]);
    };
    let photoNo = 0;
    await measure('open', 'consult', 'open', () => ({}), r.openid);
    await measure('send (text)', 'consult', 'send', () => ({ text: '血压有点高' }), r.openid);
    const photos: { fileId: string; thumbFileId: string }[][] = [];
    for (let i = 0; i < SAMPLES; i++)
      photos.push([{ fileId: await upload(`p${i}.png`), thumbFileId: await upload(`p${i}_t.png`) }]);
    await measure(
      'send (text + 1 photo)',
      'consult',
      'send',
      () => ({ text: '见图', photos: photos[photoNo++] }),
      r.openid,
    );
    const t0 = process.hrtime.bigint();
    await post('/_emulator/api/mediacheck/deliver');
    const pushMs = ms(t0);
    const pushes = (await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=consult')).filter(
      (x) => x.source === 'push',
    );
    const photoStates = (
      (await db.collection(COLLECTIONS.consultMessages).where({ residentId: r.residentId }).limit(100).get())
        .data as { photos?: { status: string }[] }[]
    ).flatMap((m) => (m.photos ?? []).map((p) => p.status));
    rows.push([
      `wxa_media_check push (${pushes.length} pushed one by one; each ${Math.round(median(pushes.map((p) => p.durationMs ?? 0)))} ms median in its function; ${pushes.filter((p) => p.status === 'ok').length} ok; photos ${photoStates.join('/')})`,
      Math.max(...pushes.map((p) => p.dbRequests)),
      Math.max(...pushes.map((p) => p.apiRequests)),
      Math.round(pushMs),
    ]);
    await measure('thread (resident, photos visible)', 'consult', 'thread', () => ({}), r.openid);
    await measure(
      'thread (team, audited)',
      'consult',
      'thread',
      () => ({ consultId: `cs_${r.residentId}` }),
      NURSE,
    );
    for (const filter of ['awaiting', 'mine', 'overdue'])
      await measure(`inbox ${filter} (first 20)`, 'consult', 'inbox', () => ({ filter }), NURSE);
    await measure(
      'reply',
      'consult',
      'reply',
      () => ({ consultId: `cs_${r.residentId}`, text: '好的' }),
      NURSE,
    );
    await measure('close', 'consult', 'close', () => ({ consultId: `cs_${r.residentId}` }), NURSE);
    await measure('templates', 'consult', 'templates', () => ({}), NURSE);
    await measure(
      'saveTemplate (new)',
      'consult',
      'saveTemplate',
      () => ({ title: '模板', text: '内容' }),
      NURSE,
    );
    await measure('link', 'consult', 'link', () => ({ kind: 'booking' }), r.openid);
    const f0 = process.hrtime.bigint();
    const figs = await responseFigures(db, {
      teamIds: ['team-cg-1'],
      from: new Date(now - 30 * 24 * H),
      to: new Date(now + H),
    });
    const team = figs.find((f) => !f.staffId);
    rows.push([
      `responseFigures (${team?.answered} answers, median ${team?.medianMinutes} min)`,
      1,
      1,
      Math.round(ms(f0)),
    ]);
    console.log(`\n${n.toLocaleString('en')} conversations in team-cg-1 (${n * 2} messages)`);
    console.log('| call | DB requests | all SDK requests | median ms |\n| --- | --- | --- | --- |');
    for (const [l, d, a, t] of rows) console.log(`| ${l} | ${d} | ${a} | ${t} |`);
  } finally {
    await emu.close();
  }
}

(async () => {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : [1000, 10_000];
  for (const n of sizes) await run(n);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
