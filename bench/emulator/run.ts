/**
 * Emulator benchmark on 100,000 documents (targets: indexed equality query < 5 ms median,
 * insert < 5 ms median, startup of a 100k-document data folder < 5 s).
 * Run: npx tsx bench/emulator/run.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { startEmulator } from '../../emulator/src/index';
import { COLLECTIONS } from '../../shared/constants/collections';

process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.TENCENTCLOUD = 'true';
process.env.SCF_NAMESPACE = 'local-dev';

const N = 100_000;
const SAMPLES = 500;
const C = COLLECTIONS.residents;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-bench-'));
  try {
    let emu = await startEmulator({ dataDir, quiet: true, timers: false });
    const app = () =>
      cloudbase.init({
        env: 'local-dev',
        secretId: 'x',
        secretKey: 'y',
        serviceUrl: `${emu.url}/admin`,
        protocol: 'http',
      } as never);
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
    let db: any = app().database();

    let t = process.hrtime.bigint();
    for (let b = 0; b < N / 1000; b++) {
      await db.collection(C).add(
        Array.from({ length: 1000 }, (_x, i) => {
          const k = b * 1000 + i;
          return {
            idHash: `h${k}`,
            householdId: `hh${k % 20000}`,
            name: `居民${k}`,
            age: k % 100,
            tags: k % 7 === 0 ? ['hypertension'] : [],
            createdAt: new Date(1_700_000_000_000 + k * 1000),
          };
        }),
      );
    }
    console.log(`seeded ${N} documents in ${(ms(t) / 1000).toFixed(1)} s`);

    // Warm-up so connection set-up and JIT do not count.
    for (let i = 0; i < 50; i++)
      await db
        .collection(C)
        .where({ idHash: `h${i}` })
        .get();

    const q: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const k = Math.floor(Math.random() * N);
      t = process.hrtime.bigint();
      const { data } = await db
        .collection(C)
        .where({ idHash: `h${k}` })
        .get();
      q.push(ms(t));
      if (data.length !== 1) throw new Error(`expected one match for h${k}`);
    }
    const ins: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      t = process.hrtime.bigint();
      await db
        .collection(C)
        .add({ idHash: `new${i}`, householdId: 'hh1', name: '新居民', age: 30, tags: [] });
      ins.push(ms(t));
    }
    const scan: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = process.hrtime.bigint();
      await db
        .collection(C)
        .where({ name: `居民${i * 9000}` })
        .get();
      scan.push(ms(t));
    }
    await emu.close();

    t = process.hrtime.bigint();
    emu = await startEmulator({ dataDir, quiet: true, timers: false });
    const startLog = ms(t);
    db = app().database();
    const total = (await db.collection(C).count()).total;
    await fetch(`${emu.url}/_emulator/api/compact`, { method: 'POST' });
    await emu.close();
    t = process.hrtime.bigint();
    emu = await startEmulator({ dataDir, quiet: true, timers: false });
    const startSnap = ms(t);
    await emu.close();

    const rows = [
      [
        'indexed equality query (SDK round trip), median',
        `${fmt(median(q))} ms`,
        `p95 ${fmt(p95(q))} ms`,
        '< 5 ms',
      ],
      [
        'single insert incl. fsync (SDK round trip), median',
        `${fmt(median(ins))} ms`,
        `p95 ${fmt(p95(ins))} ms`,
        '< 5 ms',
      ],
      ['startup, 100k docs from the log', `${fmt(startLog)} ms`, `${total} docs`, '< 5 s'],
      ['startup, 100k docs from a snapshot', `${fmt(startSnap)} ms`, '', '< 5 s'],
      ['unindexed query (full scan), median', `${fmt(median(scan))} ms`, '', '(info)'],
    ];
    console.log('');
    for (const r of rows)
      console.log(`${r[0]!.padEnd(52)} ${r[1]!.padStart(11)}  ${r[2]!.padEnd(14)} target ${r[3]}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
