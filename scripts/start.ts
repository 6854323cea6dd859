// `npm start`: build what is needed, start the local stack (emulator + functions + H5 app),
// seed demo data on first start, and print where to look.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../emulator/src';
import { isSeeded, seed } from './seed';
import { ensureLocalKeys } from './seed/local-key';

const root = path.resolve(__dirname, '..');
// `npm start -- --no-build` passes the flag to us; `npm start --no-build` makes npm set
// npm_config_build=false instead. Both skip the builds; `--build` forces them.
const forceBuild = process.argv.includes('--build');
const noBuild = process.argv.includes('--no-build') || process.env.npm_config_build === 'false';

/** Newest modification time under `dir` (files only), 0 when it does not exist. */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let max = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === 'node_modules' || d.name.startsWith('.')) continue;
    const p = path.join(dir, d.name);
    max = Math.max(max, d.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

/** The builds are current when both outputs exist and are newer than every source they come from. */
function buildsAreCurrent(): boolean {
  const built = ['dist/h5/index.html', 'dist/functions/user/index.js'].map((f) => path.join(root, f));
  if (!built.every((f) => fs.existsSync(f))) return false;
  const oldestOutput = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  const sources = ['client/src', 'client/config', 'shared', 'cloudfunctions'].map((d) =>
    newest(path.join(root, d)),
  );
  return Math.max(...sources) < oldestOutput;
}

// ESC [ … letter: colour and cursor codes (built from a string: a literal control character in a
// regex reads as a mistake).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

// Progress bars redraw with escape codes and carriage returns: fine on a terminal, noise in a log.
const plain = (text: string) =>
  text
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.split('\r').pop() ?? '')
    .filter((line) => line.trim() !== '')
    .join('\n');

function run(label: string, cmd: string) {
  console.log(`▶ ${label}`);
  const tty = Boolean(process.stdout.isTTY);
  const r = spawnSync(cmd, {
    cwd: root,
    stdio: tty ? 'inherit' : 'pipe',
    shell: true,
    env: tty ? process.env : { ...process.env, FORCE_COLOR: '0', CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!tty) {
    const out = plain(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (out) console.log(out);
  }
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

async function main() {
  if (forceBuild || (!noBuild && !buildsAreCurrent())) {
    run('构建云函数 (build functions)', 'npx tsx scripts/build-functions.ts');
    run('构建 H5 应用 (build h5, ~60 s)', 'npm run build:h5 --silent');
  } else {
    console.log(
      noBuild
        ? '▶ 跳过构建 (--no-build)'
        : '▶ 跳过构建 (builds are current; `npm start -- --build` forces a rebuild)',
    );
  }
  const port = Number(process.env.EMULATOR_PORT ?? 9100);
  const dataDir = path.resolve(root, process.env.EMULATOR_DATA ?? '.data');
  // Before the emulator starts: its function workers inherit this environment.
  ensureLocalKeys(dataDir);
  const emulator = await startEmulator({
    port,
    dataDir,
    functionsDir: path.join(root, 'dist', 'functions'),
    staticDir: path.join(root, 'dist', 'h5'),
  });
  if (!(await isSeeded(emulator.url))) {
    const written = await seed(emulator.url);
    console.log('已写入演示数据 (demo data seeded):', written);
  }
  console.log('');
  console.log(`  家医签约 H5:        ${emulator.url}/`);
  console.log(`  函数网关 gateway:   ${emulator.url}/fn/<name>`);
  console.log(`  模拟器控制台:       ${emulator.url}/_emulator`);
  console.log(`  数据目录 data:      ${dataDir}`);
  console.log('');
  console.log('按 Ctrl+C 停止 (stop with Ctrl+C)');
  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
