// `npm start`: build what is needed, start the local stack (emulator + functions + H5 app),
// seed demo data on first start, and print where to look.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmulator } from '../emulator/src';
import { isSeeded, seed } from './seed';
import { ensureLocalKeys } from './seed/local-key';

const root = path.resolve(__dirname, '..');
const skipBuild = process.argv.includes('--no-build');

function run(label: string, cmd: string) {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, { cwd: root, stdio: 'inherit', shell: true, env: process.env });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

async function main() {
  if (!skipBuild) {
    run('构建云函数 (build functions)', 'npx tsx scripts/build-functions.ts');
    run('构建 H5 应用 (build h5, ~30 s)', 'npm run build:h5 --silent');
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
