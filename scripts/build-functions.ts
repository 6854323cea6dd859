// Bundles each cloudfunctions/<fn> with its shared/ imports into dist/functions/<fn>/ — the
// folder CloudBase deploys (index.js + package.json + config.json). The SDK stays external: the
// platform installs it from package.json, and locally it resolves from the repo's node_modules.

import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { isEntry } from './entry';
import {
  FUNCTION_ASSETS,
  functionsOut,
  functionsSrc,
  listFunctions,
  readFunctionConfig,
  repoRoot,
} from './functions';

const SDK_VERSION = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  }
).dependencies['@cloudbase/node-sdk'];

/** Packages a function loads at run time instead of bundling (installed by the platform). */
export const RUNTIME_DEPS: Record<string, string[]> = { scheduler: ['tencentcloud-sdk-nodejs-sms'] };
const versionOf = (pkg: string): string =>
  (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies[pkg] ?? '*';

/** Builds one function folder; returns the package size in bytes (bundle plus assets). */
export async function buildFunction(name: string): Promise<number> {
  const outDir = path.join(functionsOut, name);
  fs.mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(functionsSrc, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['@cloudbase/node-sdk', ...(RUNTIME_DEPS[name] ?? [])],
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const config = readFunctionConfig(name);
  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    `${JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: {
          '@cloudbase/node-sdk': SDK_VERSION,
          ...Object.fromEntries((RUNTIME_DEPS[name] ?? []).map((p) => [p, versionOf(p)])),
        },
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  let bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  for (const a of FUNCTION_ASSETS[name] ?? []) {
    const to = path.join(outDir, a.to);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, a.from), to);
    bytes += fs.statSync(to).size;
  }
  return bytes;
}

async function main() {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : listFunctions();
  const started = Date.now();
  for (const name of names) {
    const bytes = await buildFunction(name);
    console.log(`  ${name.padEnd(14)} ${(bytes / 1024).toFixed(1)} KB`);
  }
  console.log(`built ${names.length} function(s) into dist/functions in ${Date.now() - started} ms`);
}

if (isEntry(__filename)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
