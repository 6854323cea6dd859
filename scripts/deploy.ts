// npm run deploy [-- --dry-run] [-- --prune-indexes]
//
// Deploys everything scripts/deploy-manifest.ts plans to one CloudBase environment with
// @cloudbase/manager-node: collections, indexes, security rules, then the built functions with
// their environment variables and timer triggers. Configuration comes from the environment only
// (nothing secret in the repository; cloudbaserc.json keeps its {{envId}} placeholder):
//
//   TCB_ENV_ID                     target environment id (not needed for --dry-run)
//   TENCENTCLOUD_SECRETID / _SECRETKEY [/ _SESSIONTOKEN]   API credentials (not needed for --dry-run)
//   TCB_REGION                     default ap-shanghai
//   JY_PII_KEY, JY_DISTRICT_ADMINS values of the functions' declared variables (same names)
//
// The dry run prints the plan and whether each variable's value is present (never the value), and
// exits non-zero when the repository disagrees with itself (checkManifest) — the same check the
// unit tests run. A real run refuses to start while any declared value is missing.
import path from 'node:path';
import { ENV_READERS } from '../cloudfunctions/_lib/env';
import { buildFunction } from './build-functions';
import {
  buildPlan,
  checkManifest,
  type DeployPlan,
  describePlan,
  indexProblems,
  type PlannedCollection,
  type PlannedFunction,
} from './deploy-manifest';
import { isEntry } from './entry';
import { functionsOut } from './functions';

type Manager = {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
    describeCollection(name: string): Promise<{
      Indexes?: { Name: string; Unique: boolean; Keys: { Name?: string; Direction?: string }[] }[];
    }>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: {
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
        }[];
        DropIndexes?: { IndexName: string }[];
      },
    ): Promise<unknown>;
  };
  functions: {
    createFunction(p: {
      func: Record<string, unknown> & { name: string };
      functionRootPath: string;
      force: boolean;
    }): Promise<unknown>;
  };
  commonService(service?: string): {
    call(o: { Action: string; Param: Record<string, unknown> }): Promise<unknown>;
  };
};

const log = (s: string) => console.log(s);

/** A declared value: a `{{placeholder}}` is filled from the deployer's variable of the same name. */
function declaredValue(name: string, declared: string): string | undefined {
  return /^\{\{.*\}\}$/.test(declared) ? process.env[name] : declared;
}

async function deployCollection(
  m: Manager,
  envId: string,
  c: PlannedCollection,
  prune: boolean,
): Promise<void> {
  const created = await m.database.createCollectionIfNotExists(c.name);
  const existing = (await m.database.describeCollection(c.name)).Indexes ?? [];
  const same = (e: (typeof existing)[number], i: PlannedCollection['indexes'][number]) =>
    e.Unique === i.unique &&
    JSON.stringify(e.Keys.map((k) => [k.Name, String(k.Direction)])) ===
      JSON.stringify(Object.entries(i.keys).map(([k, d]) => [k, String(d)]));
  const drop = existing.filter((e) => {
    if (e.Name === '_id_') return false;
    const wanted = c.indexes.find((i) => i.name === e.Name);
    return wanted ? !same(e, wanted) : prune;
  });
  if (drop.length)
    await m.database.updateCollection(c.name, { DropIndexes: drop.map((e) => ({ IndexName: e.Name })) });
  const keep = new Set(existing.filter((e) => !drop.includes(e)).map((e) => e.Name));
  const create = c.indexes.filter((i) => !keep.has(i.name));
  if (create.length) {
    await m.database.updateCollection(c.name, {
      CreateIndexes: create.map((i) => ({
        IndexName: i.name,
        MgoKeySchema: {
          MgoIndexKeys: Object.entries(i.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
          MgoIsUnique: i.unique,
        },
      })),
    });
  }
  const undeclared = existing.filter((e) => e.Name !== '_id_' && !c.indexes.some((i) => i.name === e.Name));
  if (c.rule) {
    const Param: Record<string, unknown> = { EnvId: envId, CollectionName: c.name, AclTag: c.rule.aclTag };
    if (c.rule.rule) Param.Rule = JSON.stringify(c.rule.rule);
    await m
      .commonService('tcb')
      .call({ Action: c.rule.rule ? 'ModifySafeRule' : 'ModifyDatabaseACL', Param });
  }
  log(
    `  ✓ ${c.name}${created.IsCreated ? ' (created)' : ''}: +${create.length} index(es), -${drop.length}` +
      `${!prune && undeclared.length ? ` (undeclared kept: ${undeclared.map((e) => e.Name).join(', ')}; --prune-indexes drops them)` : ''}` +
      `, rule ${c.rule?.aclTag ?? 'none'}`,
  );
}

async function deployFunction(m: Manager, f: PlannedFunction): Promise<void> {
  const envVariables: Record<string, string> = {};
  for (const [n, v] of Object.entries(f.envVariables)) envVariables[n] = declaredValue(n, v) ?? '';
  await m.functions.createFunction({
    func: {
      name: f.name,
      timeout: f.timeout,
      runtime: f.runtime,
      handler: f.handler,
      installDependency: f.installDependency,
      envVariables,
      triggers: f.triggers,
      ...(f.memorySize ? { memorySize: f.memorySize } : {}),
    },
    functionRootPath: functionsOut,
    force: true,
  });
  log(`  ✓ ${f.name}: code, ${Object.keys(envVariables).length} variable(s), ${f.triggers.length} timer(s)`);
}

export async function deploy(argv: string[]): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const prune = argv.includes('--prune-indexes');
  const envId = process.env.TCB_ENV_ID || null;
  const plan: DeployPlan = buildPlan();
  log(describePlan(plan, (n) => !!process.env[n], envId));
  const problems = [...indexProblems(), ...(await checkManifest())];
  if (problems.length) {
    log(`\n✗ ${problems.length} problem(s) — the repository disagrees with itself:`);
    for (const p of problems) log(`  - ${p}`);
    return 1;
  }
  const optional = new Set(ENV_READERS.filter((r) => r.optional).map((r) => r.name));
  const missing = plan.functions.flatMap((f) =>
    Object.entries(f.envVariables)
      .filter(([n, v]) => !optional.has(n) && !declaredValue(n, v))
      .map(([n]) => `${f.name}.${n}`),
  );
  if (dryRun) {
    log(
      `\n✓ dry run: plan consistent${missing.length ? `; values to provide before deploying: ${[...new Set(missing.map((m) => m.split('.')[1]))].join(', ')}` : ''}`,
    );
    return 0;
  }
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!envId || !secretId || !secretKey) {
    log('\n✗ set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (or use --dry-run)');
    return 1;
  }
  if (missing.length) {
    log(`\n✗ declared variables without a value (set them in this shell): ${missing.join(', ')}`);
    return 1;
  }
  // Loaded only for a real run: the dry run needs no credentials and no network.
  const { default: CloudBase } = (await import('@cloudbase/manager-node')) as unknown as {
    default: new (c: Record<string, string | undefined>) => Manager;
  };
  const manager = new CloudBase({
    secretId,
    secretKey,
    token: process.env.TENCENTCLOUD_SESSIONTOKEN,
    envId,
    region: process.env.TCB_REGION || 'ap-shanghai',
  });
  log('\nbuilding functions …');
  for (const f of plan.functions) await buildFunction(f.name);
  log(`database (${plan.collections.length} collections):`);
  for (const c of plan.collections) await deployCollection(manager, envId, c, prune);
  log(`functions (${plan.functions.length}, from ${path.relative(process.cwd(), functionsOut)}):`);
  for (const f of plan.functions) await deployFunction(manager, f);
  log(
    '\n✓ deployed. Check identity: call ping from the mini-program — data.platform.openid must be true and every env "set".',
  );
  return 0;
}

if (isEntry(__filename)) {
  deploy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error & { code?: string; requestId?: string }) => {
      console.error(
        `✗ deploy failed: ${e.message}${e.code ? ` (${e.code})` : ''}${e.requestId ? ` requestId ${e.requestId}` : ''}`,
      );
      process.exit(1);
    },
  );
}
