// WeChat's own offline code-quality scan (the DevTools "代码质量" panel) on dist/weapp, through
// miniprogram-ci. It reads project.config.json (compression switches) and app.json (lazy code
// loading), so it runs on a scratch project holding exactly those and the built app. Every item
// must pass. No appid or key is needed: checkCodeQuality reads neither.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isEntry } from './entry';

const root = path.resolve(__dirname, '..');

export type QualityItem = { name: string; success: boolean; text: string };

export async function checkCodeQuality(weappDir = path.join(root, 'dist', 'weapp')): Promise<QualityItem[]> {
  if (!fs.existsSync(path.join(weappDir, 'app.json')))
    throw new Error(`${weappDir} has no app.json: build weapp first`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-quality-'));
  try {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
    // A syntactically valid placeholder: the committed file keeps {{appid}} for the developer to fill.
    config.appid = 'wx0000000000000000';
    fs.writeFileSync(path.join(scratch, 'project.config.json'), JSON.stringify(config));
    fs.mkdirSync(path.join(scratch, 'dist'));
    fs.cpSync(weappDir, path.join(scratch, 'dist', 'weapp'), {
      recursive: true,
      filter: (src) => !src.endsWith('.map'),
    });
    const ci = (await import('miniprogram-ci')) as unknown as {
      Project: new (o: object) => unknown;
      checkCodeQuality(p: unknown): Promise<QualityItem[]>;
    };
    const project = new ci.Project({
      appid: config.appid,
      type: 'miniProgram',
      projectPath: scratch,
      privateKey: 'unused-by-checkCodeQuality',
      ignores: ['node_modules/**/*'],
    });
    return await ci.checkCodeQuality(project);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (isEntry(__filename)) {
  checkCodeQuality()
    .then((items) => {
      for (const i of items) console.log(`${i.success ? '✔' : '✖'} ${i.name}: ${i.text}`);
      const failed = items.filter((i) => !i.success);
      console.log(`code quality: ${items.length - failed.length} / ${items.length} items pass`);
      // miniprogram-ci leaves a file watcher running; exit explicitly.
      process.exit(failed.length === 0 ? 0 : 1);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
