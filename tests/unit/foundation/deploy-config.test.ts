import fs from 'node:fs';
import path from 'node:path';
import { listFunctions, readFunctionConfig, repoRoot } from '../../../scripts/functions';

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
