/**
 * Command line for the local emulator:
 *   tsx emulator/src/cli.ts [serve]        start (EMULATOR_PORT, default 9100; EMULATOR_DATA, default .data/)
 *   tsx emulator/src/cli.ts reset          wipe the data folder
 *   tsx emulator/src/cli.ts trigger <fn>   fire a function's timer on the running emulator
 *   tsx emulator/src/cli.ts clock <spec>   shift its clock: +90d, -2h, reset, or an ISO time
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureLocalKeys } from '../../scripts/seed/local-key';
import { startEmulator } from './index';

const port = Number(process.env.EMULATOR_PORT ?? 9100);
const dataDir = path.resolve(process.env.EMULATOR_DATA ?? '.data');
const base = `http://127.0.0.1:${port}`;

async function post(pathname: string, body: unknown): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(base + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(`no emulator answering at ${base} (start it with npm run emulator)`);
  }
  return (await res.json()) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const [cmd = 'serve', ...args] = process.argv.slice(2);
  switch (cmd) {
    case 'serve': {
      // Functions encrypt personal data with JY_PII_KEY: generate the local one on first start.
      ensureLocalKeys(dataDir);
      const emu = await startEmulator({
        port,
        dataDir,
        ...(process.env.EMULATOR_FUNCTIONS ? { functionsDir: process.env.EMULATOR_FUNCTIONS } : {}),
        ...(process.env.EMULATOR_STATIC ? { staticDir: process.env.EMULATOR_STATIC } : {}),
      });
      const stop = () => {
        void emu.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'reset': {
      // Refuse to wipe anything that does not look like an emulator data folder.
      if (fs.existsSync(dataDir)) {
        const entries = fs.readdirSync(dataDir);
        const ours = entries.every((e) => /^(db\.|clock\.json|wx-outbox|storage|seed)/.test(e));
        if (!ours) throw new Error(`${dataDir} holds files the emulator did not write; not wiping it`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      console.log(`wiped ${dataDir}`);
      return;
    }
    case 'trigger': {
      const fn = args[0];
      if (!fn) throw new Error('usage: npm run trigger -- <function> [triggerName]');
      const q = args[1] ? `?trigger=${encodeURIComponent(args[1])}` : '';
      const r = await post(`/_emulator/api/trigger/${encodeURIComponent(fn)}${q}`, {});
      console.log(JSON.stringify(r, null, 2));
      if (r.code) process.exitCode = 1;
      return;
    }
    case 'clock': {
      const spec = args[0];
      if (!spec) throw new Error('usage: npm run clock -- +90d | -2h | --reset | 2027-01-01T09:00:00+08:00');
      const r = await post('/_emulator/api/clock', { spec: spec === '--reset' ? 'reset' : spec });
      console.log(JSON.stringify(r));
      if (r.code) process.exitCode = 1;
      return;
    }
    default:
      throw new Error(`unknown command ${cmd} (serve | reset | trigger <fn> | clock <spec>)`);
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
