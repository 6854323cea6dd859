import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { COLLECTION_NAMES } from '../../shared/constants/collections';
import { INDEXES } from '../../shared/db/indexes';
import { Clock, parseClockSpec } from './clock';
import { renderConsole } from './console';
import { type Body, DbActions } from './db';
import { EmuError } from './ejson';
import { DeclaredEnv } from './fnenv';
import { FunctionRunner, type Identity, type Invocation, NO_IDENTITY } from './functions';
import { type IndexDef, validateIndexDefs } from './indexes';
import { parseJsonCapped } from './json';
import { DEFAULT_MEDIA_DELAY_MS, MediaChecks } from './mediacheck';
import { Storage } from './storage';
import { Store } from './store';
import { Timers } from './timers';
import { WxApi } from './wx';

export type { IndexDef } from './indexes';

export type EmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** Built functions; default `<repo>/dist/functions`. */
  functionsDir?: string;
  /** Served at `/` with an index.html fallback (the H5 build). */
  staticDir?: string;
  host?: string;
  quiet?: boolean;
  /** Environment id functions see (`TCB_ENV`); default `local-dev`. */
  envId?: string;
  /** Replaces the declared indexes (default: shared/db/indexes.ts). */
  indexes?: IndexDef[];
  /** Added to the declared indexes (tests). */
  extraIndexes?: IndexDef[];
  /** Collections created besides those in shared/constants/collections.ts. */
  collections?: string[];
  /** Run timer triggers on schedule (default true). */
  timers?: boolean;
  /**
   * Where each function's declared environment comes from (`envVariables`); default
   * `<repo>/cloudbaserc.json`, `null` for none. Functions not listed get no variables of ours.
   */
  rcFile?: string | null;
  /** Local values for `{{placeholder}}` declarations (default: the emulator's process.env). */
  env?: Record<string, string>;
  /**
   * Wait before a security.mediaCheckAsync verdict is pushed (ms; default 1500, env
   * EMU_MEDIA_CHECK_DELAY_MS). Tests may hold verdicts instead (POST /_emulator/api/mediacheck/hold).
   */
  mediaCheckDelayMs?: number;
};

export type EmulatorHandle = {
  url: string;
  port: number;
  close(): Promise<void>;
  setClockOffset(ms: number): void;
};

/** Request bodies above this are refused (the SDK's error form, nothing applied). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A request as shown in the console: never bodies (they may hold ID numbers or phones). */
export type RequestLogEntry = {
  at: string;
  kind: 'sdk' | 'fn' | 'storage' | 'console';
  what: string;
  ms: number;
  code?: string;
  fn?: string;
};

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        // Keep draining (so the client reads our answer) but stop buffering; cut off abuse.
        if (size > MAX_BODY_BYTES * 8) req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export function isLoopback(addr: string | undefined): boolean {
  return (
    !!addr &&
    (addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1' || addr.startsWith('127.'))
  );
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

let reqCounter = 0;
const requestId = () => `local-${Date.now().toString(36)}-${(++reqCounter).toString(36)}`;

/** Starts the local CloudBase emulator. */
export async function startEmulator(opts: EmulatorOptions): Promise<EmulatorHandle> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const functionsDir = path.resolve(opts.functionsDir ?? path.join(REPO_ROOT, 'dist', 'functions'));
  const envId = opts.envId ?? 'local-dev';
  const logLines: string[] = [];
  const log = (line: string) => {
    logLines.push(`${new Date().toISOString()} ${line}`);
    if (logLines.length > 500) logLines.shift();
    if (!opts.quiet) console.log(line);
  };

  const clock = new Clock(path.join(dataDir, 'clock.json'));
  const t0 = Date.now();
  const indexDefs = [...(opts.indexes ?? INDEXES), ...(opts.extraIndexes ?? [])];
  validateIndexDefs(indexDefs);
  const store = new Store(dataDir, indexDefs);
  const loaded = store.open([...COLLECTION_NAMES, ...(opts.collections ?? [])]);
  log(
    `[emulator] loaded ${loaded.docs} snapshot docs + ${loaded.logRecords} log records in ${Date.now() - t0}ms` +
      (loaded.droppedBytes ? ` (dropped a torn tail of ${loaded.droppedBytes} bytes)` : ''),
  );

  let baseUrl = '';
  const db = new DbActions(store, () => clock.now());
  const declared = new DeclaredEnv(
    opts.rcFile === undefined ? path.join(REPO_ROOT, 'cloudbaserc.json') : opts.rcFile,
    opts.env,
  );
  const runner = new FunctionRunner({
    functionsDir,
    envId,
    declaredEnv: (fn) => declared.env(fn),
    adminUrl: () => `${baseUrl}/admin`,
    clockOffsetMs: () => clock.offsetMs,
    log,
  });
  const storage = new Storage(dataDir, envId, () => baseUrl);
  const wx = new WxApi(path.join(dataDir, 'wx-outbox.jsonl'));
  wx.media = new MediaChecks({
    storage,
    runner,
    functionsDir,
    delayMs:
      opts.mediaCheckDelayMs ?? (Number(process.env.EMU_MEDIA_CHECK_DELAY_MS) || DEFAULT_MEDIA_DELAY_MS),
    log,
  });
  const timers = new Timers(runner, clock, log);
  const requests: RequestLogEntry[] = [];
  const record = (e: RequestLogEntry) => {
    requests.push(e);
    if (requests.length > 300) requests.shift();
  };

  /** One SDK action; returns the response body. */
  async function admin(body: Body, inv: Invocation | undefined): Promise<Body> {
    const action = body.action;
    if (typeof action !== 'string' || !action) throw new EmuError('INVALID_PARAM', 'action is required');
    if (action.startsWith('database.')) return db.handle(action, body);
    switch (action) {
      case 'functions.invokeFunction': {
        const name = String(body.function_name ?? '');
        let event: unknown = {};
        if (typeof body.request_data === 'string' && body.request_data) {
          event = parseJsonCapped(body.request_data, 'request_data');
        }
        const identity: Identity = inv ? runner.identityOf(inv) : NO_IDENTITY;
        const r = await runner.invoke(name, event, identity, inv ? 'nested' : 'sdk', inv);
        if (!r.ok) throw new EmuError(r.code, r.message);
        return { data: { response_data: JSON.stringify(r.result) } };
      }
      case 'storage.getUploadMetadata':
        return { data: storage.uploadMetadata(body.path) };
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: storage.batchDownload(body.file_list) } };
      case 'storage.batchDeleteFile':
        return { data: { delete_list: storage.batchDelete(body.fileid_list) } };
      case 'wx.api': {
        const result = await wx.handle(body.apiName, body.requestData, inv?.id);
        return { data: { responseData: JSON.stringify(result) } };
      }
      default:
        throw new EmuError('INVALID_ACTION', `unknown action ${action}`);
    }
  }

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const rid = requestId();
    let what = '?';
    let inv: Invocation | undefined;
    let out: Body;
    try {
      let text: string;
      try {
        text = (await readBody(req)).toString('utf8');
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          throw new EmuError('INVALID_PARAM', `request body exceeds ${MAX_BODY_BYTES} bytes`);
        }
        throw new EmuError('INVALID_PARAM', 'malformed JSON body');
      }
      const parsed = parseJsonCapped(text, 'request body', 'malformed JSON body');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new EmuError('INVALID_PARAM', 'malformed JSON body');
      }
      const body = parsed as Body;
      what = `${String(body.action)}${body.collectionName ? ` ${String(body.collectionName)}` : ''}`;
      inv = runner.invocationOf(body.wxCloudApiToken);
      if (inv) {
        inv.apiRequests++;
        if (typeof body.action === 'string' && body.action.startsWith('database.')) inv.dbRequests++;
      }
      out = { ...(await admin(body, inv)) };
      if (!('data' in out)) out.data = {};
    } catch (e) {
      if (e instanceof EmuError) out = { code: e.code, message: e.message };
      else {
        log(`[emulator] internal error on ${what}: ${(e as Error).stack ?? String(e)}`);
        out = { code: 'SYS_ERR', message: `emulator internal error: ${(e as Error).message}` };
      }
    }
    out.requestId = rid;
    const entry: RequestLogEntry = {
      at: new Date(started).toISOString(),
      kind: 'sdk',
      what,
      ms: Date.now() - started,
    };
    if (typeof out.code === 'string') entry.code = out.code;
    if (inv) entry.fn = inv.fn;
    record(entry);
    sendJson(res, 200, out);
  }

  async function handleGateway(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<void> {
    const started = Date.now();
    const hasIdentity = req.headers['x-jy-openid'] !== undefined || req.headers['x-jy-appid'] !== undefined;
    if (hasIdentity && !isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, {
        code: 'FORBIDDEN',
        message: 'identity headers are accepted from loopback clients only',
      });
      return;
    }
    let out: Body;
    try {
      let text: string;
      try {
        text = (await readBody(req)).toString('utf8');
      } catch (e) {
        throw new EmuError(
          'INVALID_PARAM',
          e instanceof BodyTooLarge ? `request body exceeds ${MAX_BODY_BYTES} bytes` : 'malformed JSON body',
        );
      }
      const event: unknown = text.trim() ? parseJsonCapped(text, 'request body', 'malformed JSON body') : {};
      const header = (h: string) => {
        const v = req.headers[h];
        return typeof v === 'string' ? v.slice(0, 128) : '';
      };
      const identity: Identity = {
        openid: header('x-jy-openid'),
        appid: header('x-jy-appid') || (header('x-jy-openid') ? 'wx-local-appid' : ''),
        unionid: header('x-jy-unionid'),
      };
      const r = await runner.invoke(name, event, identity, 'gateway');
      out = r.ok ? { result: r.result } : { code: r.code, message: r.message };
    } catch (e) {
      out =
        e instanceof EmuError
          ? { code: e.code, message: e.message }
          : { code: 'SYS_ERR', message: `emulator internal error: ${(e as Error).message}` };
    }
    const entry: RequestLogEntry = {
      at: new Date(started).toISOString(),
      kind: 'fn',
      what: name,
      ms: Date.now() - started,
    };
    if (typeof out.code === 'string') entry.code = out.code;
    record(entry);
    sendJson(res, 200, out);
  }

  async function handleH5Upload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { code: 'FORBIDDEN', message: 'uploads are accepted from loopback clients only' });
      return;
    }
    try {
      let data: Buffer;
      let cloudPath: unknown = url.searchParams.get('cloudPath');
      try {
        data = await readBody(req);
      } catch (e) {
        throw new EmuError(
          'INVALID_PARAM',
          e instanceof BodyTooLarge ? `file exceeds ${MAX_BODY_BYTES} bytes` : 'upload failed',
        );
      }
      if (String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        const j = (parseJsonCapped(data.toString('utf8'), 'request body', 'malformed JSON body') ?? {}) as {
          cloudPath?: unknown;
          base64?: unknown;
          dataUrl?: unknown;
        };
        cloudPath = j.cloudPath ?? cloudPath;
        const b64 = typeof j.dataUrl === 'string' ? j.dataUrl.replace(/^data:[^,]*;base64,/, '') : j.base64;
        if (typeof b64 !== 'string' || !b64)
          throw new EmuError('INVALID_PARAM', 'base64 or dataUrl is required');
        data = Buffer.from(b64, 'base64');
      }
      if (data.length === 0) throw new EmuError('INVALID_PARAM', 'empty file');
      const p = storage.cleanPath(cloudPath);
      storage.write(p, data);
      record({ at: new Date().toISOString(), kind: 'storage', what: 'h5 upload', ms: 0 });
      sendJson(res, 200, { fileID: storage.fileId(p), tempFileURL: storage.downloadUrl(p) });
    } catch (e) {
      const err = e instanceof EmuError ? e : new EmuError('SYS_ERR', (e as Error).message);
      sendJson(res, 200, { code: err.code, message: err.message });
    }
  }

  function setCors(req: http.IncomingMessage, res: http.ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
      res.setHeader('access-control-allow-headers', 'content-type, x-jy-openid, x-jy-appid, x-jy-unionid');
    }
  }

  function serveStatic(res: http.ServerResponse, pathname: string): boolean {
    if (!opts.staticDir) return false;
    const root = path.resolve(opts.staticDir);
    let file = path.join(root, path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) return false;
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return false;
    const ext = path.extname(file).toLowerCase();
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.json': 'application/json',
      '.png': 'image/png',
      '.svg': 'image/svg+xml',
      '.jpg': 'image/jpeg',
      '.woff2': 'font/woff2',
      '.ico': 'image/x-icon',
    };
    res.writeHead(200, { 'content-type': types[ext] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
    return true;
  }

  const consoleState = { store, runner, timers, wx, clock, requests, logLines, envId, functionsDir, dataDir };

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'POST' && (p === '/admin' || p === '/admin/')) return handleAdmin(req, res);
    if (req.method === 'POST' && p.startsWith('/fn/'))
      return handleGateway(req, res, decodeURIComponent(p.slice(4)));
    if (req.method === 'POST' && p === '/storage/upload') return handleH5Upload(req, res, url);
    if (req.method === 'PUT' && p.startsWith('/_storage/upload/')) {
      try {
        const cloudPath = storage.cleanPath(decodeURIComponent(p.slice('/_storage/upload/'.length)));
        storage.write(cloudPath, await readBody(req));
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end();
      } catch (e) {
        const msg = e instanceof BodyTooLarge ? 'EntityTooLarge' : 'InvalidArgument';
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<Error><Code>${msg}</Code><Message>${msg}</Message></Error>`);
      }
      return;
    }
    if (req.method === 'GET' && p.startsWith('/_storage/files/')) {
      let f: ReturnType<Storage['read']> = null;
      let allowed = false;
      try {
        const cloudPath = storage.cleanPath(decodeURIComponent(p.slice('/_storage/files/'.length)));
        // Private by default: only a temp URL a function asked for opens a file (issue 11).
        allowed = storage.mayServe(cloudPath, url.searchParams.get('t'), url.searchParams.get('sign'));
        f = allowed ? storage.read(cloudPath) : null;
      } catch {
        f = null;
      }
      if (!allowed) {
        res.writeHead(403, { 'content-type': 'text/plain' });
        res.end('access denied: a temp URL is required');
        return;
      }
      if (!f) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': f.type, 'content-length': f.data.length });
      res.end(f.data);
      return;
    }
    if (p === '/_emulator/api/clock' && req.method === 'POST') {
      try {
        const b = parseJsonCapped((await readBody(req)).toString('utf8') || '{}', 'request body') as {
          offsetMs?: unknown;
          spec?: unknown;
        };
        const ms = typeof b.spec === 'string' ? parseClockSpec(b.spec, clock.offsetMs) : Number(b.offsetMs);
        clock.setOffset(ms);
        log(`[clock] offset ${clock.offsetMs}ms → ${new Date(clock.now()).toISOString()}`);
        sendJson(res, 200, { offsetMs: clock.offsetMs, now: new Date(clock.now()).toISOString() });
      } catch (e) {
        sendJson(res, 200, { code: 'INVALID_PARAM', message: (e as Error).message });
      }
      return;
    }
    if (p.startsWith('/_emulator/api/trigger/') && req.method === 'POST') {
      const fn = decodeURIComponent(p.slice('/_emulator/api/trigger/'.length));
      const r = await timers.fire(fn, url.searchParams.get('trigger') ?? undefined);
      sendJson(res, 200, r.ok ? { result: r.result } : { code: r.code, message: r.message });
      return;
    }
    if (p === '/_emulator' || p.startsWith('/_emulator/')) {
      const out = await renderConsole(consoleState, req, url, readBody);
      if (out.redirect) {
        res.writeHead(303, { location: out.redirect });
        res.end();
      } else if (out.json !== undefined) sendJson(res, 200, out.json);
      else {
        res.writeHead(out.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(out.html);
      }
      return;
    }
    if (req.method === 'GET' && serveStatic(res, p)) return;
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${p}` });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: Error) => {
      log(`[emulator] unhandled: ${e.stack ?? e.message}`);
      if (!res.headersSent) sendJson(res, 200, { code: 'SYS_ERR', message: 'emulator internal error' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (opts.timers !== false) timers.start();
  log(`[emulator] ${baseUrl} (data ${dataDir}, functions ${functionsDir}) — console ${baseUrl}/_emulator`);

  let closed = false;
  return {
    url: baseUrl,
    port,
    setClockOffset: (ms: number) => clock.setOffset(ms),
    async close() {
      if (closed) return;
      closed = true;
      timers.stop();
      wx.media?.stop();
      await runner.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
