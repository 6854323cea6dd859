import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const functionsSrc = path.join(repoRoot, 'cloudfunctions');
export const functionsOut = path.join(repoRoot, 'dist', 'functions');

export type FunctionConfig = {
  timeout: number;
  runtime: string;
  triggers: { name: string; type: 'timer'; config: string }[];
};

/** Deployable functions: every cloudfunctions/<fn>/ with an index.ts; `_lib` and other `_` folders are shared code. */
export function listFunctions(): string[] {
  return fs
    .readdirSync(functionsSrc, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .filter((d) => fs.existsSync(path.join(functionsSrc, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/** A function's config.json (timeout, runtime, timer triggers), as CloudBase reads it. */
export function readFunctionConfig(name: string): FunctionConfig {
  return JSON.parse(fs.readFileSync(path.join(functionsSrc, name, 'config.json'), 'utf8')) as FunctionConfig;
}

/**
 * Files a function needs at run time besides its bundle, copied into its package by
 * scripts/build-functions.ts (paths relative to the repository → to the function folder).
 */
export const FUNCTION_ASSETS: Record<string, { from: string; to: string }[]> = {
  // The contract PDF font (a subset of Noto Sans CJK SC, see scripts/pdf-font.ts) and its licence.
  contract: [
    { from: 'assets/fonts/NotoSansSC-Regular.jy-subset.otf', to: 'fonts/NotoSansSC-Regular.jy-subset.otf' },
    { from: 'assets/fonts/OFL.txt', to: 'fonts/OFL.txt' },
  ],
  // The door-plate sheet uses the same font (grid/support/sheet.ts).
  grid: [
    { from: 'assets/fonts/NotoSansSC-Regular.jy-subset.otf', to: 'fonts/NotoSansSC-Regular.jy-subset.otf' },
    { from: 'assets/fonts/OFL.txt', to: 'fonts/OFL.txt' },
  ],
};
