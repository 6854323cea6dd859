import type http from 'node:http';
import { EJSON } from 'bson';
import { find } from 'mingo';
import type { Clock } from './clock';
import { parseClockSpec } from './clock';
import { type Doc, decode } from './ejson';
import type { FunctionRunner } from './functions';
import type { Store } from './store';
import type { Timers } from './timers';
import type { WxApi } from './wx';

export type ConsoleState = {
  store: Store;
  runner: FunctionRunner;
  timers: Timers;
  wx: WxApi;
  clock: Clock;
  requests: Array<{ at: string; kind: string; what: string; ms: number; code?: string; fn?: string }>;
  logLines: string[];
  envId: string;
  functionsDir: string;
  dataDir: string;
};

type Out = { html?: string; json?: unknown; redirect?: string; status?: number };

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Shanghai wall time, which is what people demoing the system think in. */
const cst = (ms: number) =>
  new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const PAGE = 20;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} · 本地云开发模拟器</title>
<style>body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f5f5f5}
pre{margin:0;white-space:pre-wrap;max-width:900px}.err{color:#b00}.ok{color:#070}a{color:#0a58ca}form{display:inline}nav a{margin-right:12px}</style></head>
<body><nav><a href="/_emulator">总览</a><a href="/_emulator/api/invocations">调用指标 JSON</a><a href="/_emulator/api/log">日志 JSON</a></nav>${body}</body></html>`;
}

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p>（无）</p>';
  return `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table>`;
}

function dashboard(s: ConsoleState): string {
  const now = s.clock.now();
  const days = (s.clock.offsetMs / 86400e3).toFixed(2);
  const clock = `<h2>时钟</h2><p>模拟器时间（北京时间）：<b>${esc(cst(now))}</b>，偏移 ${esc(s.clock.offsetMs)} ms（${days} 天）</p>
<form method="post" action="/_emulator/clock"><input name="spec" placeholder="+90d / -2h / reset / 2027-01-01T09:00:00+08:00" size="40"> <button>调整时钟</button></form>
<form method="post" action="/_emulator/clock"><input type="hidden" name="spec" value="reset"> <button>恢复真实时间</button></form>`;
  const colls = table(
    ['集合', '文档数', '索引'],
    s.store.collectionNames().map((c) => [
      `<a href="/_emulator/db/${encodeURIComponent(c)}">${esc(c)}</a>`,
      String(s.store.size(c)),
      esc(
        s.store
          .indexesOf(c)
          .map((i) => `${i.name}${i.unique ? '（唯一）' : ''}`)
          .join('，'),
      ),
    ]),
  );
  const timers = table(
    ['函数', '触发器', 'cron（北京时间）', '下次触发', '上次触发', '结果', ''],
    s.timers
      .list()
      .map((t) => [
        esc(t.fn),
        esc(t.name),
        `<code>${esc(t.cron)}</code>`,
        t.next === null ? esc(t.error ?? '不再触发') : esc(cst(t.next)),
        t.lastFiredAt ? esc(cst(Date.parse(t.lastFiredAt))) : '',
        esc(t.lastResult ?? ''),
        `<form method="post" action="/_emulator/trigger/${encodeURIComponent(t.fn)}?trigger=${encodeURIComponent(t.name)}"><button>立即触发</button></form>`,
      ]),
  );
  const invs = table(
    ['时间', '函数', '来源', '用户 openid', '耗时 ms', '数据库请求', '结果'],
    s.runner.recent
      .slice(-30)
      .reverse()
      .map((i) => [
        esc(i.startedAt.slice(11, 23)),
        esc(i.fn + (i.action ? `.${i.action}` : '')),
        esc(i.source),
        esc(i.openid || '—'),
        esc(i.durationMs ?? '…'),
        esc(i.dbRequests),
        i.status === 'error'
          ? `<span class="err">${esc(i.code)}</span>`
          : `<span class="ok">${esc(i.status)}</span>`,
      ]),
  );
  const reqs = table(
    ['时间', '类型', '请求', '函数', '耗时 ms', '错误码'],
    s.requests
      .slice(-40)
      .reverse()
      .map((r) => [
        esc(r.at.slice(11, 23)),
        esc(r.kind),
        esc(r.what),
        esc(r.fn ?? ''),
        esc(r.ms),
        r.code ? `<span class="err">${esc(r.code)}</span>` : '',
      ]),
  );
  const outbox = table(
    ['时间', '接收人', '模板', '页面', '内容', '状态'],
    s.wx.outbox
      .slice(-30)
      .reverse()
      .map((o) => [
        esc(o.at.slice(0, 19).replace('T', ' ')),
        esc(o.touser),
        esc(o.templateId),
        esc(o.page ?? ''),
        `<pre>${esc(
          Object.entries(o.data)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n'),
        )}</pre>`,
        o.status === 'sent'
          ? '<span class="ok">已发送</span>'
          : `<span class="err">已拒绝 ${esc(o.errmsg)}</span>`,
      ]),
  );
  return layout(
    '总览',
    `<h1>本地云开发模拟器 · 环境 ${esc(s.envId)}</h1>
<p>数据目录 <code>${esc(s.dataDir)}</code>；函数目录 <code>${esc(s.functionsDir)}</code>（${esc(s.runner.list().join('，') || '无')}）</p>
${clock}<h2>数据库集合</h2>${colls}<h2>定时触发器</h2>${timers}<h2>最近的函数调用</h2>${invs}
${messagingSection(s)}<h2>订阅消息发件箱</h2>${outbox}<h2>最近的请求</h2>${reqs}`,
  );
}

const OUTBOX_LABELS: Record<string, string> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已送达',
  dead: '死信',
  cancelled: '已撤回',
  failed: '失败',
};
const CHANNEL_LABELS: Record<string, string> = { subscribe: '订阅消息', sms: '短信', inapp: '站内消息' };

/** Outbox entries by status, deliveries by channel and status (the messaging collections). */
function messagingSummary(s: ConsoleState) {
  const count = (c: string, key: (d: Doc) => string) => {
    const out: Record<string, number> = {};
    if (!s.store.hasCollection(c)) return out;
    for (const d of s.store.match(c, {})) out[key(d)] = (out[key(d)] ?? 0) + 1;
    return out;
  };
  return {
    outbox: count('outbox', (d) => String(d.status)),
    sends: count('sends', (d) => `${String(d.channel)}/${String(d.status)}`),
    sms: s.wx.sms.length,
  };
}

/** The scheduler's outbox as a demo shows it: counts, the latest entries, texts sent. */
function messagingSection(s: ConsoleState): string {
  if (!s.store.hasCollection('outbox')) return '';
  const sum = messagingSummary(s);
  const counts = table(
    ['状态', '条数'],
    Object.entries(sum.outbox).map(([k, v]) => [esc(OUTBOX_LABELS[k] ?? k), esc(v)]),
  );
  const byChannel = table(
    ['渠道', '结果', '条数'],
    Object.entries(sum.sends).map(([k, v]) => {
      const [ch, st] = k.split('/');
      return [esc(CHANNEL_LABELS[ch ?? ''] ?? ch), esc(st), esc(v)];
    }),
  );
  const recent = find(s.store.match('outbox', {}), {})
    .sort({ updatedAt: -1, createdAt: -1 })
    .limit(30)
    .all() as Doc[];
  const when = (v: unknown) => (v instanceof Date ? esc(cst(v.getTime())) : '');
  const rows = table(
    ['去重键', '类型', '发送时间', '状态', '渠道', '次数', '说明'],
    recent.map((d) => [
      `<code>${esc(d._id)}</code>`,
      esc(d.kind),
      when(d.sendAfter),
      d.status === 'dead'
        ? `<span class="err">${esc(OUTBOX_LABELS.dead)}</span>`
        : d.status === 'sent'
          ? `<span class="ok">${esc(OUTBOX_LABELS.sent)}</span>`
          : esc(OUTBOX_LABELS[String(d.status)] ?? d.status),
      esc(CHANNEL_LABELS[String(d.channel ?? '')] ?? ''),
      esc(d.attempts),
      esc(d.lastError ?? d.channelReason ?? ''),
    ]),
  );
  const sms = table(
    ['时间', '号码', '类型', '参数'],
    s.wx.sms
      .slice(-15)
      .reverse()
      .map((m) => [
        esc(m.at.slice(0, 19).replace('T', ' ')),
        esc(m.mobileMasked),
        esc(m.kind),
        esc(m.params.join(' / ')),
      ]),
  );
  return `<h2>消息发件箱（outbox）</h2><div style="display:flex;gap:32px">${counts}${byChannel}</div>${rows}<h2>短信（本地模拟）</h2>${sms}`;
}

function browser(s: ConsoleState, name: string, url: URL): Out {
  if (!s.store.hasCollection(name))
    return { status: 404, html: layout('未找到', `<p>集合 ${esc(name)} 不存在</p>`) };
  const page = Math.max(0, Number(url.searchParams.get('page')) || 0);
  const qText = url.searchParams.get('q') ?? '';
  let query: Doc = {};
  let error = '';
  try {
    if (qText.trim()) query = decode(qText, s.clock.now(), 'filter') as Doc;
  } catch (e) {
    error = (e as Error).message;
  }
  let docs: Doc[] = [];
  let total = 0;
  try {
    const all = error ? [] : s.store.match(name, query);
    total = all.length;
    docs = find(all, {})
      .sort({ _id: 1 })
      .skip(page * PAGE)
      .limit(PAGE)
      .all() as Doc[];
  } catch (e) {
    error = (e as Error).message;
  }
  const q = encodeURIComponent(qText);
  const nav = `${page > 0 ? `<a href="?page=${page - 1}&q=${q}">上一页</a> ` : ''}${(page + 1) * PAGE < total ? `<a href="?page=${page + 1}&q=${q}">下一页</a>` : ''}`;
  return {
    html: layout(
      name,
      `<h1>集合 ${esc(name)}（${total} 条${qText ? '匹配' : ''}）</h1>
<form method="get"><input name="q" value="${esc(qText)}" size="60" placeholder='筛选条件（JSON），如 {"status":"active"}'> <button>筛选</button></form>
${error ? `<p class="err">${esc(error)}</p>` : ''}<p>${nav}</p>
${table(
  ['_id', '文档'],
  docs.map((d) => [esc(d._id), `<pre>${esc(EJSON.stringify(d, undefined, 2, { relaxed: true }))}</pre>`]),
)}
<p>${nav}</p>`,
    ),
  };
}

/** Console pages and JSON endpoints under /_emulator. */
export async function renderConsole(
  s: ConsoleState,
  req: http.IncomingMessage,
  url: URL,
  readBody: (r: http.IncomingMessage) => Promise<Buffer>,
): Promise<Out> {
  const p = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method === 'GET') {
    switch (p) {
      case '/_emulator':
        return { html: dashboard(s) };
      case '/_emulator/api/invocations': {
        const fn = url.searchParams.get('fn');
        return { json: fn ? s.runner.recent.filter((i) => i.fn === fn) : s.runner.recent };
      }
      case '/_emulator/api/requests':
        return { json: s.requests };
      case '/_emulator/api/outbox':
        return { json: s.wx.outbox };
      case '/_emulator/api/sms':
        return { json: s.wx.sms };
      case '/_emulator/api/seccheck':
        return { json: s.wx.secChecks };
      case '/_emulator/api/mediacheck':
        return { json: s.wx.media?.entries ?? [] };
      case '/_emulator/api/messaging':
        return { json: messagingSummary(s) };
      case '/_emulator/api/timers':
        return { json: s.timers.list() };
      case '/_emulator/api/clock':
        return { json: { offsetMs: s.clock.offsetMs, now: new Date(s.clock.now()).toISOString() } };
      case '/_emulator/api/collections':
        return {
          json: s.store
            .collectionNames()
            .map((name) => ({ name, count: s.store.size(name), indexes: s.store.indexesOf(name) })),
        };
      case '/_emulator/api/stats':
        return { json: { scans: s.store.scans } };
      case '/_emulator/api/log':
        return { json: s.logLines };
    }
    if (p.startsWith('/_emulator/db/'))
      return browser(s, decodeURIComponent(p.slice('/_emulator/db/'.length)), url);
  }
  if (req.method === 'POST' && p === '/_emulator/api/sms') {
    // The SMS fake of the scheduler (messaging): records the text, answers like a provider.
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return { json: { ok: false, error: 'bad json' } };
    }
    if (!/^\d{3}\*{4}\d{4}$/.test(String(body.mobileMasked ?? '')))
      return { json: { ok: false, error: 'bad number' } };
    return { json: { ok: true, serial: s.wx.recordSms(body).serial } };
  }
  if (req.method === 'POST' && p === '/_emulator/api/mediacheck/deliver') {
    // Pushes every pending media-check verdict now (tests, demos); answers how many.
    return { json: { ok: true, delivered: (await s.wx.media?.deliverAll()) ?? 0 } };
  }
  if (req.method === 'POST' && p === '/_emulator/api/mediacheck/hold') {
    let body: { hold?: unknown } = {};
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { hold?: unknown };
    } catch {
      return { json: { ok: false, error: 'bad json' } };
    }
    s.wx.media?.hold(body.hold === true);
    return { json: { ok: true, hold: body.hold === true } };
  }
  if (req.method === 'POST') {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    if (p === '/_emulator/clock') {
      try {
        s.clock.setOffset(parseClockSpec(form.get('spec') ?? '', s.clock.offsetMs));
      } catch (e) {
        return {
          status: 400,
          html: layout(
            '时钟',
            `<p class="err">${esc((e as Error).message)}</p><a href="/_emulator">返回</a>`,
          ),
        };
      }
      return { redirect: '/_emulator' };
    }
    if (p === '/_emulator/api/compact') {
      s.store.compact();
      return { json: { ok: true } };
    }
    if (p.startsWith('/_emulator/trigger/')) {
      void s.timers.fire(
        decodeURIComponent(p.slice('/_emulator/trigger/'.length)),
        url.searchParams.get('trigger') ?? undefined,
      );
      return { redirect: '/_emulator' };
    }
  }
  return { status: 404, html: layout('未找到', '<p>没有这个页面</p>') };
}
