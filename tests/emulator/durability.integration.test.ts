// Durability: every acknowledged write survives kill -9; a torn log tail never corrupts startup;
// a snapshot (compaction) plus the log rebuild the same state.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { COLLECTIONS } from '@shared/constants/collections';
import { ensureSdkEnv, startTestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

const ROOT = path.resolve(__dirname, '..', '..');
const C = COLLECTIONS.auditLogs;

const children: ChildProcess[] = [];
afterAll(() => {
  // Never leave an emulator behind if a test failed half-way.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts the emulator CLI in a child process and resolves with its URL. */
function spawnEmulator(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // node itself (not the tsx wrapper, which forks): SIGKILL must hit the emulator process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        EMULATOR_PORT: '0',
        EMULATOR_DATA: dataDir,
        EMULATOR_FUNCTIONS: path.join(dataDir, 'none'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+) \(data/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code}): ${out}`)));
  });
}

function dbAt(url: string): Any {
  return cloudbase
    .init({
      env: 'local-dev',
      secretId: 'x',
      secretKey: 'y',
      serviceUrl: `${url}/admin`,
      protocol: 'http',
    } as never)
    .database();
}

beforeAll(() => {
  ensureSdkEnv();
  // Requests cut off by the kill leave the SDK's "slower than 3 s" timers running; drop that noise.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('[TCB][WARN]')) warn(...args);
  };
});

test('kill -9 during a stream of writes loses none of the 1,000+ acknowledged ones', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-dur-'));
  try {
    const { child, url } = await spawnEmulator(dataDir);
    const db = dbAt(url);
    await db.collection(C).doc('counter').set({ n: 0 });
    const acked: string[] = [];
    let ackedIncs = 0;
    let attemptedIncs = 0;
    let killed = false;
    const exited = new Promise((r) => child.on('exit', r));
    // Eight writers stream inserts (and every 10th an $inc) until the process dies under them.
    const writer = async (w: number) => {
      for (let i = 0; i < 5000; i++) {
        const id = `w${w}-${i}`;
        try {
          if (i % 10 === 9) {
            attemptedIncs++;
            await db
              .collection(C)
              .doc('counter')
              .update({ n: db.command.inc(1) });
            ackedIncs++;
          } else {
            await db.collection(C).add({ _id: id, w, i, pad: 'x'.repeat(200) });
            acked.push(id);
          }
        } catch {
          return; // the emulator is gone
        }
        if (acked.length >= 1000 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_x, w) => writer(w)));
    if (!killed) child.kill('SIGKILL');
    await exited;
    expect(acked.length).toBeGreaterThanOrEqual(1000);

    const emu = await startTestEmulator({ dataDir });
    try {
      const db2 = emu.sdkApp().database();
      const found = new Set<string>();
      for (let skip = 0; ; skip += 1000) {
        const { data } = await db2
          .collection(C)
          .where({ w: db2.command.gte(0) })
          .field({ _id: true })
          .skip(skip)
          .limit(1000)
          .get();
        for (const d of data) found.add(d._id);
        if (data.length < 1000) break;
      }
      const missing = acked.filter((id) => !found.has(id));
      expect(missing).toEqual([]);
      const n = (await db2.collection(C).doc('counter').get()).data[0].n;
      expect(n).toBeGreaterThanOrEqual(ackedIncs);
      expect(n).toBeLessThanOrEqual(attemptedIncs);
    } finally {
      await emu.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a half-written record at the end of the log is dropped and startup succeeds', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-torn-'));
  try {
    let emu = await startTestEmulator({ dataDir });
    let db = emu.sdkApp().database();
    await db.collection(C).add([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
    ]);
    await db.collection(C).doc('a').update({ v: 10 });
    await emu.close();
    fs.appendFileSync(path.join(dataDir, 'db.log.jsonl'), '{"s":99,"o":[["auditLogs","c",{"_id":"c","v":');

    emu = await startTestEmulator({ dataDir });
    db = emu.sdkApp().database();
    expect((await db.collection(C).orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', v: 10 },
      { _id: 'b', v: 2 },
    ]);
    await db.collection(C).add({ _id: 'd', v: 4 });
    await emu.close();

    emu = await startTestEmulator({ dataDir });
    db = emu.sdkApp().database();
    expect((await db.collection(C).count()).total).toBe(3);
    await emu.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('compaction to a snapshot keeps every document, created collection and later write', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-compact-'));
  try {
    let emu = await startTestEmulator({ dataDir });
    let db = emu.sdkApp().database();
    await db.createCollection('made_later');
    await db.collection('made_later').add({ _id: 'm', when: new Date('2026-01-01T00:00:00Z') });
    await db.collection(C).add(Array.from({ length: 50 }, (_x, i) => ({ _id: `k${i}`, i })));
    await db.collection(C).doc('k0').remove();
    expect((await fetch(`${emu.url}/_emulator/api/compact`, { method: 'POST' })).status).toBe(200);
    expect(fs.statSync(path.join(dataDir, 'db.log.jsonl')).size).toBe(0);
    await db.collection(C).doc('k1').update({ after: true });
    await emu.close();

    emu = await startTestEmulator({ dataDir });
    db = emu.sdkApp().database();
    expect((await db.collection(C).count()).total).toBe(49);
    expect((await db.collection(C).doc('k1').get()).data[0]).toEqual({ _id: 'k1', i: 1, after: true });
    expect((await db.collection('made_later').doc('m').get()).data[0].when).toEqual(
      new Date('2026-01-01T00:00:00Z'),
    );
    await emu.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
