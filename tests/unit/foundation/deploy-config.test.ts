import fs from 'node:fs';
import path from 'node:path';
import { DeclaredEnv } from '../../../emulator/src/fnenv';
import { FunctionRunner } from '../../../emulator/src/functions';
import { buildFunction } from '../../../scripts/build-functions';
import {
  buildPlan,
  checkManifest,
  indexProblems,
  RC_FILE,
  requiredEnv,
} from '../../../scripts/deploy-manifest';
import { functionsOut, listFunctions, readFunctionConfig, repoRoot } from '../../../scripts/functions';
import { COLLECTION_NAMES } from '../../../shared/constants/collections';
import { INDEXES } from '../../../shared/db/indexes';

type RcFunction = {
  name: string;
  timeout: number;
  runtime: string;
  triggers?: { name: string; type: string; config: string }[];
};
const rc = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as {
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
};
const project = JSON.parse(fs.readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as Record<
  string,
  string
>;

describe('deployment configuration', () => {
  it('cloudbaserc.json lists exactly the functions in cloudfunctions/', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(listFunctions());
  });

  it.each(listFunctions())(
    'cloudbaserc.json agrees with %s/config.json on timeout, runtime and timers',
    (name) => {
      const entry = rc.functions.find((f) => f.name === name);
      const config = readFunctionConfig(name);
      expect(entry?.timeout).toBe(config.timeout);
      expect(entry?.runtime).toBe(config.runtime);
      expect(entry?.triggers ?? []).toEqual(config.triggers);
    },
  );

  it('the manifest, cloudbaserc.json and every config.json agree (functions, timeouts, timers, variables, rules)', async () => {
    // Each problem names the file and the exact fix (e.g. the cloudbaserc.json entry to append).
    const problems = await checkManifest();
    if (problems.length) throw new Error(`deployment manifest disagrees:\n- ${problems.join('\n- ')}`);
  }, 60_000);

  it('declares only indexes CloudBase can create (keys and unique)', () => {
    expect(indexProblems()).toEqual([]);
  });

  it('plans every collection, index, rule, function, variable and timer', async () => {
    const plan = buildPlan();
    expect(plan.collections.map((c) => c.name)).toEqual([...COLLECTION_NAMES]);
    expect(plan.collections.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`)).sort()).toEqual(
      INDEXES.map((i) => `${i.collection}.${i.name}`).sort(),
    );
    expect(plan.collections.every((c) => c.rule?.aclTag === 'ADMINONLY')).toBe(true);
    expect(plan.functions.map((f) => f.name)).toEqual(listFunctions());
    for (const f of plan.functions) {
      expect(Object.keys(f.envVariables)).toEqual(expect.arrayContaining(await requiredEnv(f.name)));
      // No value is in the repository: only placeholders filled at deployment.
      for (const v of Object.values(f.envVariables)) expect(v).toMatch(/^\{\{\w+\}\}$/);
    }
  }, 60_000);

  it('the emulator sees the same functions, timeouts, timers and variable names as the deployment', async () => {
    const plan = buildPlan();
    const declared = new DeclaredEnv(RC_FILE, {});
    const runner = new FunctionRunner({
      functionsDir: functionsOut,
      envId: 'consistency',
      adminUrl: () => '',
      clockOffsetMs: () => 0,
      log: () => undefined,
    });
    for (const f of plan.functions) {
      await buildFunction(f.name);
      expect(runner.list()).toContain(f.name);
      const seen = runner.config(f.name);
      expect({ fn: f.name, timeout: seen.timeout, triggers: seen.triggers ?? [] }).toEqual({
        fn: f.name,
        timeout: f.timeout,
        triggers: f.triggers,
      });
      expect({ fn: f.name, env: declared.names(f.name) }).toEqual({
        fn: f.name,
        env: Object.keys(f.envVariables).sort(),
      });
    }
    await runner.close();
  }, 120_000);

  it('keeps placeholders instead of real ids', () => {
    expect(rc.envId).toBe('{{envId}}');
    expect(project.appid).toBe('{{appid}}');
  });

  it('points WeChat DevTools at the build outputs the build scripts write', () => {
    expect(path.normalize(project.miniprogramRoot ?? '')).toBe(path.normalize('dist/weapp/'));
    expect(path.normalize(project.cloudfunctionRoot ?? '')).toBe(path.normalize('dist/functions/'));
    expect(path.normalize(rc.functionRoot)).toBe(path.normalize('./dist/functions'));
    const taroConfig = fs.readFileSync(path.join(repoRoot, 'client/config/index.ts'), 'utf8');
    expect(taroConfig).toContain("outputRoot: path.join(repoRoot, 'dist', env)");
  });
});
