// The emulator's command line: reset wipes only an emulator data folder; errors are clear.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });

test('reset wipes an emulator data folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-reset-'));
  fs.writeFileSync(path.join(dir, 'db.log.jsonl'), '');
  fs.writeFileSync(path.join(dir, 'clock.json'), '{"offsetMs":0}');
  fs.mkdirSync(path.join(dir, 'storage'));
  await cli(['reset'], { EMULATOR_DATA: dir });
  expect(fs.existsSync(dir)).toBe(false);
});

test('reset refuses a folder holding files the emulator did not write', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-reset-'));
  try {
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'precious');
    await expect(cli(['reset'], { EMULATOR_DATA: dir })).rejects.toMatchObject({
      stderr: expect.stringMatching(/not wiping/),
    });
    expect(fs.readFileSync(path.join(dir, 'thesis.docx'), 'utf8')).toBe('precious');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('trigger and clock explain when no emulator is running', async () => {
  await expect(cli(['trigger', 'x'], { EMULATOR_PORT: '1' })).rejects.toMatchObject({
    stderr: expect.stringMatching(/no emulator answering/),
  });
  await expect(cli(['clock', 'soon'], { EMULATOR_PORT: '1' })).rejects.toMatchObject({
    stderr: expect.stringMatching(/no emulator answering/),
  });
});
