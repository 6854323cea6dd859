// Timer triggers: config.json crons fire on the emulator clock (UTC+8), by hand through
// `npm run trigger`, and after the clock is shifted.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { COLLECTIONS } from '@shared/constants/collections';
import { FIXTURE_FUNCTIONS, startTestEmulator, type TestEmulator } from '../support/emulator';

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings are loose
type Any = any;

const ROOT = path.resolve(__dirname, '..', '..');
let emu: TestEmulator;
let db: Any;

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: true });
  db = emu.sdkApp().database();
});
afterAll(async () => {
  await emu.close();
});

const ticks = async (trigger: string) =>
  (await db.collection(COLLECTIONS.jobs).where({ kind: 'tick', trigger }).get()).data as Array<
    Record<string, string>
  >;

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a 7-field every-second cron fires on schedule as a timer invocation', async () => {
  const got = await waitFor(
    () => ticks('everySecond'),
    (t) => t.length >= 2,
  );
  expect(got.length).toBeGreaterThanOrEqual(2);
  expect(got[0]).toMatchObject({ type: 'Timer', source: 'timer' });
  const timers =
    await emu.getJson<Array<{ fn: string; name: string; next: number }>>('/_emulator/api/timers');
  expect(timers.map((t) => `${t.fn}/${t.name}`).sort()).toEqual(['ticker/daily9', 'ticker/everySecond']);
});

test('the daily 09:00 trigger is evaluated in UTC+8 and fires when the clock is moved to 08:59:59', async () => {
  expect(await ticks('daily9')).toHaveLength(0);
  // Next 09:00 in Shanghai is 01:00 UTC; put the emulator clock one second before it.
  const now = new Date();
  const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1, 0, 0) - 1000;
  emu.setClockOffset(target - Date.now());
  try {
    const got = await waitFor(
      () => ticks('daily9'),
      (t) => t.length >= 1,
    );
    expect(got).toHaveLength(1);
  } finally {
    emu.setClockOffset(0);
  }
});

test('`npm run trigger -- <fn>` fires a timer by hand on the running emulator', async () => {
  const run = promisify(execFile);
  const before = (await ticks('everySecond')).length;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'emulator/src/cli.ts', 'trigger', 'ticker'],
    {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_PORT: String(emu.port) },
    },
  );
  expect(JSON.parse(stdout)).toEqual({ result: { fired: 'everySecond' } });
  expect((await ticks('everySecond')).length).toBeGreaterThan(before);
  const clock = await run(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts', 'clock', '+1d'], {
    cwd: ROOT,
    env: { ...process.env, EMULATOR_PORT: String(emu.port) },
  });
  expect(JSON.parse(clock.stdout).offsetMs).toBe(86400e3);
  emu.setClockOffset(0);
});
