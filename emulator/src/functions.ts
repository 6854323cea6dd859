import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The WeChat identity a call runs as (empty strings for admin/SDK and timer calls). */
export type Identity = { openid: string; appid: string; unionid: string };
export const NO_IDENTITY: Identity = { openid: '', appid: '', unionid: '' };

/** One function invocation, as shown in the console and read by tests/benchmarks. */
export type Invocation = {
  id: string;
  fn: string;
  source: 'sdk' | 'gateway' | 'nested' | 'timer' | 'push';
  parentId?: string;
  /** The event's `action` field when it is a string (never the input: it may hold personal data). */
  action?: string;
  openid: string;
  startedAt: string;
  durationMs?: number;
  status: 'running' | 'ok' | 'error';
  code?: string;
  /** Database requests the invocation made through the SDK. */
  dbRequests: number;
  /** All SDK requests (database, storage, functions, wx) it made. */
  apiRequests: number;
};

export type FnConfig = {
  timeout?: number;
  triggers?: Array<{ name: string; type: string; config: string }>;
};

export type InvokeResult = { ok: true; result: unknown } | { ok: false; code: string; message: string };

/** Default time-out (s): CloudBase's default for a function whose config.json sets none. */
const DEFAULT_TIMEOUT_S = 3;
const MAX_WORKERS = 8;
const KEEP_IDLE = 2;
const IDLE_MS = 30_000;
const RECENT = 500;

/**
 * Worker body. Each invocation replaces the worker's own process.env (worker threads get a private
 * copy), so identity and tokens of concurrent callers never mix: one worker runs one invocation at
 * a time. A function file changed on disk is re-required, so rebuilds need no restart.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const loaded = new Map();
parentPort.on('message', async (m) => {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, m.env);
  let mod;
  try {
    const st = fs.statSync(m.file);
    const prev = loaded.get(m.file);
    if (!prev || prev.mtimeMs !== st.mtimeMs || prev.size !== st.size) {
      const dir = path.dirname(m.file) + path.sep;
      for (const k of Object.keys(require.cache)) if (k.startsWith(dir)) delete require.cache[k];
      mod = require(m.file);
      loaded.set(m.file, { mtimeMs: st.mtimeMs, size: st.size, mod });
    } else mod = prev.mod;
    if (typeof mod.main !== 'function') throw new Error('index.js does not export main(event, context)');
  } catch (e) {
    parentPort.postMessage({ type: 'done', ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'load failed: ' + (e && e.message), stack: e && e.stack });
    return;
  }
  parentPort.postMessage({ type: 'start' });
  try {
    const result = await mod.main(m.event, m.context);
    parentPort.postMessage({ type: 'done', ok: true, json: JSON.stringify(result === undefined ? null : result) });
  } catch (e) {
    const message = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
    parentPort.postMessage({ type: 'done', ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message, stack: e && e.stack });
  }
});
`;

type Job = {
  inv: Invocation;
  file: string;
  timeoutMs: number;
  msg: unknown;
  resolve: (r: InvokeResult) => void;
};

class PoolWorker {
  readonly w: Worker;
  job: Job | null = null;
  idleSince = Date.now();
  constructor(onLine: (pw: PoolWorker, stream: 'out' | 'err', line: string) => void) {
    this.w = new Worker(WORKER_SOURCE, { eval: true, stdout: true, stderr: true, env: {}, execArgv: [] });
    const pipe = (s: NodeJS.ReadableStream, kind: 'out' | 'err') => {
      let buf = '';
      s.setEncoding('utf8');
      s.on('data', (chunk: string) => {
        buf += chunk;
        let nl = buf.indexOf('\n');
        while (nl >= 0) {
          onLine(this, kind, buf.slice(0, nl));
          buf = buf.slice(nl + 1);
          nl = buf.indexOf('\n');
        }
      });
    };
    pipe(this.w.stdout, 'out');
    pipe(this.w.stderr, 'err');
  }
}

export type RunnerOptions = {
  functionsDir: string;
  envId: string;
  adminUrl: () => string;
  clockOffsetMs: () => number;
  log: (line: string) => void;
  /** The variables declared for a function (cloudbaserc.json `envVariables`) with local values. */
  declaredEnv?: (fn: string) => Record<string, string>;
};

/** Runs built functions in a pool of worker threads, tracking each invocation. */
export class FunctionRunner {
  private readonly pool: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly byToken = new Map<string, Invocation>();
  readonly recent: Invocation[] = [];
  private reaper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly o: RunnerOptions) {
    this.reaper = setInterval(() => this.reap(), 5_000);
    this.reaper.unref();
  }

  /** Built functions: folders under functionsDir holding an index.js. */
  list(): string[] {
    if (!fs.existsSync(this.o.functionsDir)) return [];
    return fs
      .readdirSync(this.o.functionsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(this.o.functionsDir, d.name, 'index.js')))
      .map((d) => d.name)
      .sort();
  }

  config(fn: string): FnConfig {
    try {
      return JSON.parse(
        fs.readFileSync(path.join(this.o.functionsDir, fn, 'config.json'), 'utf8'),
      ) as FnConfig;
    } catch {
      return {};
    }
  }

  /** The invocation a wxCloudApiToken belongs to (for nested calls and metrics). */
  invocationOf(token: unknown): Invocation | undefined {
    return typeof token === 'string' && token ? this.byToken.get(token) : undefined;
  }

  identityOf(inv: Invocation): Identity {
    return this.identities.get(inv.id) ?? NO_IDENTITY;
  }
  private readonly identities = new Map<string, Identity>();

  async invoke(
    fn: string,
    event: unknown,
    identity: Identity,
    source: Invocation['source'],
    parent?: Invocation,
  ): Promise<InvokeResult> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(fn) || !fs.existsSync(path.join(this.o.functionsDir, fn, 'index.js'))) {
      return { ok: false, code: 'FUNCTION_NOT_FOUND', message: `function ${fn} not found` };
    }
    const token = crypto.randomBytes(24).toString('hex');
    const inv: Invocation = {
      id: crypto.randomBytes(8).toString('hex'),
      fn,
      source,
      openid: identity.openid,
      startedAt: new Date().toISOString(),
      status: 'running',
      dbRequests: 0,
      apiRequests: 0,
    };
    if (parent) inv.parentId = parent.id;
    const action = (event as { action?: unknown } | null)?.action;
    if (typeof action === 'string') inv.action = action.slice(0, 64);
    this.byToken.set(token, inv);
    this.identities.set(inv.id, identity);
    this.recent.push(inv);
    if (this.recent.length > RECENT) {
      const old = this.recent.shift()!;
      this.identities.delete(old.id);
    }
    const cfg = this.config(fn);
    const timeoutS = Number(cfg.timeout) > 0 ? Number(cfg.timeout) : DEFAULT_TIMEOUT_S;
    const timer = source === 'timer';
    const wxKeys = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN';
    // As on CloudBase: the platform's own variables plus only those declared for this function.
    const env: Record<string, string> = {
      ...platformEnv(),
      ...(this.o.declaredEnv?.(fn) ?? {}),
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.o.adminUrl() }),
      TCB_ENV: this.o.envId,
      SCF_NAMESPACE: this.o.envId,
      TENCENTCLOUD_SECRETID: 'local-emulator-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-emulator-secret-key',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD: 'true',
      WX_CONTEXT_KEYS: wxKeys,
      TCB_CONTEXT_KEYS: 'TCB_ENV,TRIGGER_SRC',
      WX_OPENID: identity.openid,
      WX_APPID: identity.appid,
      WX_UNIONID: identity.unionid,
      WX_CLIENTIP: '127.0.0.1',
      WX_API_TOKEN: token,
      JY_CLOCK_OFFSET_MS: String(this.o.clockOffsetMs()),
      SCF_FUNCTIONNAME: fn,
    };
    if (timer) {
      env.TRIGGER_SRC = 'timer';
      env.WX_TRIGGER_API_TOKEN_V0 = token;
    }
    const context = {
      request_id: inv.id,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutS * 1000,
      function_name: fn,
      function_version: '$LATEST',
      namespace: this.o.envId,
      environ: '',
      environment: JSON.stringify({
        WX_OPENID: identity.openid,
        WX_APPID: identity.appid,
        WX_UNIONID: identity.unionid,
        WX_CLIENTIP: '127.0.0.1',
        WX_CONTEXT_KEYS: wxKeys,
        TCB_CONTEXT_KEYS: 'TCB_ENV,TRIGGER_SRC',
        TCB_ENV: this.o.envId,
        SCF_NAMESPACE: this.o.envId,
        ...(timer ? { TRIGGER_SRC: 'timer' } : {}),
      }),
    };
    const started = Date.now();
    const result = await new Promise<InvokeResult>((resolve) => {
      const job: Job = {
        inv,
        file: path.join(this.o.functionsDir, fn, 'index.js'),
        timeoutMs: timeoutS * 1000,
        msg: { file: path.join(this.o.functionsDir, fn, 'index.js'), env, event, context },
        resolve,
      };
      // Nested calls bypass the cap: their caller holds a worker and waits for them.
      this.dispatch(job, source === 'nested');
    });
    inv.durationMs = Date.now() - started;
    inv.status = result.ok ? 'ok' : 'error';
    if (!result.ok) inv.code = result.code;
    // Keep the token a little longer: a function may still be finishing requests it fired.
    setTimeout(() => this.byToken.delete(token), 60_000).unref();
    this.o.log(
      `[fn] ${fn}${inv.action ? `.${inv.action}` : ''} ${source} ${inv.durationMs}ms ${result.ok ? 'ok' : result.code} db=${inv.dbRequests}`,
    );
    return result;
  }

  private dispatch(job: Job, force: boolean): void {
    if (this.closed) {
      job.resolve({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'emulator is shutting down' });
      return;
    }
    let pw = this.pool.find((p) => !p.job);
    if (!pw && (force || this.pool.length < MAX_WORKERS)) {
      pw = new PoolWorker((p, kind, line) => {
        const fn = p.job?.inv.fn ?? '?';
        this.o.log(`[${fn}${kind === 'err' ? ' stderr' : ''}] ${line}`);
      });
      this.pool.push(pw);
    }
    if (!pw) {
      this.queue.push(job);
      return;
    }
    this.run(pw, job);
  }

  private run(pw: PoolWorker, job: Job): void {
    pw.job = job;
    let timer: NodeJS.Timeout | null = null;
    const finish = (r: InvokeResult) => {
      if (timer) clearTimeout(timer);
      pw.w.off('message', onMessage);
      pw.w.off('error', onError);
      pw.w.off('exit', onExit);
      pw.job = null;
      pw.idleSince = Date.now();
      job.resolve(r);
      const next = this.queue.shift();
      if (next) {
        if (this.pool.includes(pw)) this.run(pw, next);
        else this.dispatch(next, false);
      }
    };
    const kill = (r: InvokeResult) => {
      this.pool.splice(this.pool.indexOf(pw), 1);
      void pw.w.terminate();
      finish(r);
    };
    const onMessage = (m: {
      type: string;
      ok?: boolean;
      json?: string;
      code?: string;
      message?: string;
      stack?: string;
    }) => {
      if (m.type === 'start') {
        timer = setTimeout(
          () =>
            kill({
              ok: false,
              code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
              message: `function ${job.inv.fn} timed out after ${job.timeoutMs / 1000}s`,
            }),
          job.timeoutMs,
        );
        return;
      }
      if (m.ok) {
        finish({ ok: true, result: JSON.parse(m.json ?? 'null') });
        return;
      }
      // The stack stays in the emulator's log; the caller gets code and message only.
      this.o.log(`[fn] ${job.inv.fn} threw: ${m.stack ?? m.message}`);
      finish({
        ok: false,
        code: m.code ?? 'FUNCTIONS_EXECUTE_FAIL',
        message: m.message ?? 'function failed',
      });
    };
    const onError = (e: Error) => {
      this.o.log(`[fn] ${job.inv.fn} worker error: ${e.stack ?? e.message}`);
      kill({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: e.message });
    };
    const onExit = () =>
      kill({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'function process exited' });
    pw.w.on('message', onMessage);
    pw.w.on('error', onError);
    pw.w.on('exit', onExit);
    pw.w.postMessage(job.msg);
  }

  private reap(): void {
    const idle = this.pool.filter((p) => !p.job);
    const now = Date.now();
    for (const p of idle.slice(KEEP_IDLE)) {
      if (now - p.idleSince > IDLE_MS) {
        this.pool.splice(this.pool.indexOf(p), 1);
        void p.w.terminate();
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    for (const j of this.queue.splice(0)) {
      j.resolve({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'emulator is shutting down' });
    }
    await Promise.all(this.pool.splice(0).map((p) => p.w.terminate()));
  }
}

/**
 * Host variables a function runtime has of its own (search path, time zone, locale, home and temp
 * folders). Everything else of the emulator's environment — keys, tokens, our JY_* settings — is
 * withheld: a function sees only what cloudbaserc.json declares for it.
 */
export const PLATFORM_HOST_VARS = ['PATH', 'TZ', 'LANG', 'HOME', 'TMPDIR'] as const;

function platformEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of PLATFORM_HOST_VARS) {
    const v = process.env[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
