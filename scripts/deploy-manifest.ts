// The deployment manifest: everything `npm run deploy` creates in a CloudBase environment, derived
// from the repository alone — collections (shared/constants/collections.ts), indexes
// (shared/db/indexes.ts), security rules (database/permissions.json), functions (folders under
// cloudfunctions/ + their cloudbaserc.json entry + config.json) with their environment variable
// names, and timer triggers. The same sources feed the emulator, and checkManifest() names every
// disagreement with the exact fix (tests/unit/foundation/deploy-config.test.ts runs it).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ENV_READERS, REQUIRED_ENV } from '../cloudfunctions/_lib/env';
import { COLLECTION_NAMES } from '../shared/constants/collections';
import { INDEXES, type IndexSpec } from '../shared/db/indexes';
import { RUNTIME_DEPS } from './build-functions';
import { type FunctionConfig, functionsSrc, listFunctions, readFunctionConfig, repoRoot } from './functions';

export const RC_FILE = path.join(repoRoot, 'cloudbaserc.json');
export const RULES_FILE = path.join(repoRoot, 'database', 'permissions.json');

export type RcFunction = {
  name: string;
  timeout?: number;
  runtime?: string;
  handler?: string;
  installDependency?: boolean;
  memorySize?: number;
  triggers?: { name: string; type: string; config: string }[];
  envVariables?: Record<string, string>;
};
export type Rc = { envId: string; functionRoot: string; functions: RcFunction[] };

export const readRc = (file = RC_FILE): Rc => JSON.parse(fs.readFileSync(file, 'utf8')) as Rc;

/** The only index options CloudBase's index API has (`MgoKeySchema`: keys + `MgoIsUnique`). */
const INDEX_FIELDS = new Set(['collection', 'name', 'keys', 'unique']);

export type PlannedIndex = { name: string; keys: Record<string, 1 | -1>; unique: boolean };
/** ADMINONLY = "仅管理员可读写": clients neither read nor write; functions (admin SDK) do. */
export type PlannedRule = { aclTag: 'ADMINONLY' | 'CUSTOM'; rule?: Record<string, unknown> };
export type PlannedCollection = { name: string; indexes: PlannedIndex[]; rule: PlannedRule | null };
export type PlannedFunction = {
  name: string;
  timeout: number;
  runtime: string;
  handler: string;
  installDependency: boolean;
  memorySize?: number;
  /** Declared variable → its cloudbaserc.json value (a `{{placeholder}}` or a literal). */
  envVariables: Record<string, string>;
  triggers: { name: string; type: 'timer'; config: string }[];
};
export type DeployPlan = { collections: PlannedCollection[]; functions: PlannedFunction[] };

/** Index declarations CloudBase cannot create (anything but keys and unique). */
export function indexProblems(indexes: readonly IndexSpec[] = INDEXES): string[] {
  const out: string[] = [];
  for (const ix of indexes) {
    const extra = Object.keys(ix).filter((k) => !INDEX_FIELDS.has(k));
    if (extra.length > 0) {
      out.push(
        `index ${ix.collection}.${ix.name} in shared/db/indexes.ts uses ${extra.join(', ')}: CloudBase indexes take only keys and unique (use a lock document with a deterministic _id instead)`,
      );
    }
    if (!(COLLECTION_NAMES as readonly string[]).includes(ix.collection)) {
      out.push(
        `index ${ix.name} names collection ${ix.collection}, which is not in shared/constants/collections.ts`,
      );
    }
  }
  return out;
}

type RulesFile = { collections: Record<string, { read: unknown; write: unknown }> };

function ruleOf(r: { read: unknown; write: unknown } | undefined): PlannedRule | null {
  if (!r) return null;
  if (r.read === false && r.write === false) return { aclTag: 'ADMINONLY' };
  return { aclTag: 'CUSTOM', rule: { read: r.read, write: r.write } };
}

const FN_DEFAULTS = { runtime: 'Nodejs18.15', handler: 'index.main', installDependency: true } as const;

/** The plan, from the repository (functions = folders that have a cloudbaserc.json entry). */
export function buildPlan(rc: Rc = readRc()): DeployPlan {
  const rules = (JSON.parse(fs.readFileSync(RULES_FILE, 'utf8')) as RulesFile).collections;
  const collections = COLLECTION_NAMES.map((name) => ({
    name,
    indexes: INDEXES.filter((i) => i.collection === name).map((i) => ({
      name: i.name,
      keys: i.keys,
      unique: i.unique === true,
    })),
    rule: ruleOf(rules[name]),
  }));
  const functions: PlannedFunction[] = [];
  for (const name of listFunctions()) {
    const entry = rc.functions.find((f) => f.name === name);
    if (!entry) continue;
    const config = readFunctionConfig(name);
    const fn: PlannedFunction = {
      name,
      timeout: config.timeout,
      runtime: config.runtime ?? FN_DEFAULTS.runtime,
      handler: entry.handler ?? FN_DEFAULTS.handler,
      installDependency: entry.installDependency ?? FN_DEFAULTS.installDependency,
      envVariables: { ...(entry.envVariables ?? {}) },
      triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: 'timer', config: t.config })),
    };
    if (entry.memorySize) fn.memorySize = entry.memorySize;
    functions.push(fn);
  }
  return { collections, functions };
}

/** Repository-relative source files bundled into a function (esbuild, nothing written). */
export async function bundleInputs(name: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(functionsSrc, name, 'index.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['@cloudbase/node-sdk', ...(RUNTIME_DEPS[name] ?? [])],
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    logLevel: 'silent',
    metafile: true,
  });
  return Object.keys(result.metafile.inputs).map((p) =>
    path.relative(repoRoot, path.resolve(p)).split(path.sep).join('/'),
  );
}

/**
 * Variables a function must be declared with: the non-optional ENV_READERS whose module is in its
 * bundle. `ping` is declared with all required ones: it reports whether they reach functions
 * (first-deployment check).
 */
export async function requiredEnv(name: string): Promise<string[]> {
  if (name === 'ping') return [...REQUIRED_ENV].sort();
  const inputs = new Set(await bundleInputs(name));
  return ENV_READERS.filter((r) => !r.optional && inputs.has(r.module))
    .map((r) => r.name)
    .sort();
}

/** The cloudbaserc.json entry a function folder should have (for failure messages). */
export function rcEntryFor(name: string, config: FunctionConfig, env: string[]): RcFunction {
  const envVariables: Record<string, string> = {};
  for (const n of env) envVariables[n] = ENV_READERS.find((r) => r.name === n)?.placeholder ?? `{{${n}}}`;
  return {
    name,
    timeout: config.timeout,
    runtime: config.runtime ?? FN_DEFAULTS.runtime,
    handler: FN_DEFAULTS.handler,
    installDependency: true,
    triggers: config.triggers ?? [],
    ...(env.length ? { envVariables } : {}),
  };
}

/**
 * Every disagreement between folders, config.json, cloudbaserc.json, the rules file and the
 * index list, each with the fix. Empty = the plan is what the repository means.
 */
export async function checkManifest(rc: Rc = readRc()): Promise<string[]> {
  const problems: string[] = [];
  const folders = listFunctions();
  for (const f of rc.functions) {
    if (!folders.includes(f.name)) {
      problems.push(
        `cloudbaserc.json lists function "${f.name}" but cloudfunctions/${f.name}/index.ts does not exist: remove the entry or add the folder`,
      );
    }
  }
  for (const name of folders) {
    let config: FunctionConfig;
    try {
      config = readFunctionConfig(name);
    } catch {
      problems.push(
        `cloudfunctions/${name}/config.json is missing or not JSON: add { "timeout": 10, "runtime": "Nodejs18.15", "triggers": [] }`,
      );
      continue;
    }
    const required = await requiredEnv(name);
    const entry = rc.functions.find((f) => f.name === name);
    if (!entry) {
      problems.push(
        `cloudbaserc.json has no entry for function "${name}" (folder cloudfunctions/${name}). Append to "functions":\n${JSON.stringify(rcEntryFor(name, config, required), null, 2)}`,
      );
      continue;
    }
    const where = `cloudbaserc.json entry "${name}"`;
    if (entry.timeout !== config.timeout) {
      problems.push(
        `${where}: "timeout": ${entry.timeout} but config.json says ${config.timeout} — make them equal`,
      );
    }
    if ((entry.runtime ?? FN_DEFAULTS.runtime) !== (config.runtime ?? FN_DEFAULTS.runtime)) {
      problems.push(`${where}: "runtime": "${entry.runtime}" but config.json says "${config.runtime}"`);
    }
    const rcTriggers = JSON.stringify(entry.triggers ?? []);
    const cfgTriggers = JSON.stringify(config.triggers ?? []);
    if (rcTriggers !== cfgTriggers) {
      problems.push(`${where}: "triggers" must equal config.json's: ${cfgTriggers} (found ${rcTriggers})`);
    }
    for (const t of config.triggers ?? []) {
      if (t.type !== 'timer' || t.config.trim().split(/\s+/).length !== 7) {
        problems.push(
          `cloudfunctions/${name}/config.json trigger "${t.name}": only timer triggers with 7-field crons (sec min hour day month weekday year) are deployed`,
        );
      }
    }
    const declared = Object.keys(entry.envVariables ?? {});
    for (const n of required) {
      if (!declared.includes(n)) {
        const placeholder = ENV_READERS.find((r) => r.name === n)?.placeholder ?? `{{${n}}}`;
        problems.push(
          `${where}: its code reads ${n} (via ${ENV_READERS.find((r) => r.name === n)?.module}) but "envVariables" does not declare it — CloudBase gives a function only declared variables. Add "envVariables": { "${n}": "${placeholder}" … }`,
        );
      }
    }
    for (const n of declared) {
      if (!ENV_READERS.some((r) => r.name === n)) {
        problems.push(
          `${where}: declares ${n}, which no code reads (known: ${ENV_READERS.map((r) => r.name).join(', ')}); remove it or add its reader to ENV_READERS in cloudfunctions/_lib/env.ts`,
        );
      }
    }
  }
  const rules = (JSON.parse(fs.readFileSync(RULES_FILE, 'utf8')) as RulesFile).collections;
  for (const c of COLLECTION_NAMES) {
    if (!rules[c]) {
      problems.push(
        `database/permissions.json has no rule for collection "${c}": add "${c}": { "read": false, "write": false }`,
      );
    }
  }
  for (const c of Object.keys(rules)) {
    if (!(COLLECTION_NAMES as readonly string[]).includes(c)) {
      problems.push(
        `database/permissions.json has a rule for "${c}", which is not in shared/constants/collections.ts`,
      );
    }
  }
  return problems;
}

/** Human-readable plan (the dry run). `present(name)` says whether a variable's value is available. */
export function describePlan(
  plan: DeployPlan,
  present: (name: string) => boolean,
  envId: string | null,
): string {
  const lines: string[] = [];
  const idx = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  const timers = plan.functions.reduce((n, f) => n + f.triggers.length, 0);
  lines.push(`部署计划 deploy plan → environment ${envId ?? '(TCB_ENV_ID not set)'}`);
  lines.push(
    `  ${plan.collections.length} collections, ${idx} indexes, ${plan.collections.length} security rules, ${plan.functions.length} functions, ${timers} timer triggers`,
  );
  lines.push('');
  lines.push('collections (createCollectionIfNotExists → updateCollection CreateIndexes → security rule):');
  for (const c of plan.collections) {
    const rule = c.rule
      ? c.rule.aclTag === 'CUSTOM'
        ? `CUSTOM ${JSON.stringify(c.rule.rule)}`
        : c.rule.aclTag
      : 'NO RULE';
    lines.push(`  ${c.name.padEnd(18)} rule ${rule}`);
    for (const i of c.indexes) {
      const keys = Object.entries(i.keys)
        .map(([k, d]) => `${k}:${d}`)
        .join(', ');
      lines.push(`      index ${i.name.padEnd(34)} {${keys}}${i.unique ? ' unique' : ''}`);
    }
  }
  lines.push('');
  lines.push('functions (createFunction force: code + config + triggers, from dist/functions/<fn>):');
  for (const f of plan.functions) {
    lines.push(`  ${f.name.padEnd(14)} ${f.runtime} timeout ${f.timeout}s handler ${f.handler}`);
    for (const [n, v] of Object.entries(f.envVariables)) {
      const optional = ENV_READERS.find((r) => r.name === n)?.optional;
      const state = present(n) ? 'set' : optional ? 'unset (optional)' : 'MISSING';
      const source = /^\{\{.*\}\}$/.test(v) ? `from $${n}: ${state}` : 'literal';
      lines.push(`      env ${n.padEnd(22)} ${source}`);
    }
    for (const t of f.triggers) lines.push(`      timer ${t.name} "${t.config}"`);
  }
  return lines.join('\n');
}
