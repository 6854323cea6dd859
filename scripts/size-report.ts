// Measures what WeChat counts: the main package is every file of dist/weapp outside the
// sub-package roots. WeChat's hard limit is 2,048 KB; our budget is 600 KB
// (it was 824 KB before NutUI styles came on demand), so it cannot regress.

import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isEntry } from './entry';

const root = path.resolve(__dirname, '..');
export const MAIN_PACKAGE_BUDGET_KB = 600;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : [p];
  });
}

/** Bytes of the weapp main package and of each sub-package, from dist/weapp/app.json. */
export function weappSizes(weappDir = path.join(root, 'dist', 'weapp')) {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sub: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  let main = 0;
  for (const f of files(weappDir)) {
    // Source maps and licence notes are not uploaded to WeChat.
    if (f.endsWith('.map') || f.endsWith('.LICENSE.txt')) continue;
    const rel = path.relative(weappDir, f).split(path.sep).join('/');
    const owner = roots.find((r) => rel.startsWith(`${r}/`));
    const size = fs.statSync(f).size;
    if (owner) sub[owner] = (sub[owner] ?? 0) + size;
    else main += size;
  }
  return { main, sub };
}

/** Bytes of the H5 build's JS and CSS, raw and gzipped. */
export function h5Sizes(h5Dir = path.join(root, 'dist', 'h5')) {
  let raw = 0;
  let gzip = 0;
  for (const f of files(h5Dir)) {
    if (!/\.(js|css|html)$/.test(f)) continue;
    const buf = fs.readFileSync(f);
    raw += buf.length;
    gzip += gzipSync(buf).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (isEntry(__filename)) {
  const w = weappSizes();
  console.log(`weapp main package: ${kb(w.main)} (budget ${MAIN_PACKAGE_BUDGET_KB} KB)`);
  for (const [r, n] of Object.entries(w.sub)) console.log(`  sub-package ${r}: ${kb(n)}`);
  if (fs.existsSync(path.join(root, 'dist', 'h5'))) {
    const h = h5Sizes();
    console.log(`h5 bundle: ${kb(h.raw)} raw, ${kb(h.gzip)} gzip`);
  }
  if (process.argv.includes('--check') && w.main > MAIN_PACKAGE_BUDGET_KB * 1024) {
    console.error(`✖ weapp main package ${kb(w.main)} exceeds the ${MAIN_PACKAGE_BUDGET_KB} KB budget`);
    process.exit(1);
  }
}
