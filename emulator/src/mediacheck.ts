import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type FunctionRunner, NO_IDENTITY } from './functions';
import type { Storage } from './storage';

/**
 * One security.mediaCheckAsync call as the console shows it: who, which scene, the trace id, and
 * — once "WeChat" has decided — the verdict and where it was pushed. Never the media URL (it is a
 * signed temp URL) nor the bytes.
 */
export type MediaCheckEntry = {
  at: string;
  openid: string;
  scene: number;
  mediaType: number;
  traceId: string;
  status: 'pending' | 'delivered';
  suggest?: string;
  label?: number;
  deliveredAt?: string;
  deliveredTo?: string[];
};

/** The event WeChat's message push hands a cloud function for a finished media check (v2). */
export type MediaCheckEvent = {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  detail: { strategy: string; errcode: number; suggest: string; label: number; prob: number }[];
  errcode: number;
  errmsg: string;
  result: { suggest: string; label: number };
};

/** Images WeChat accepts for checking (bytes): larger ones come back as a failed check. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Default wait before the verdict is pushed (real WeChat: seconds to ~30 minutes). */
export const DEFAULT_MEDIA_DELAY_MS = 1500;

/** Image magic numbers the local model recognises (png, jpeg, gif, webp, bmp). */
const isImage = (b: Buffer): boolean =>
  (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) ||
  (b[0] === 0xff && b[1] === 0xd8) ||
  b.subarray(0, 4).toString('latin1') === 'GIF8' ||
  (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') ||
  b.subarray(0, 2).toString('latin1') === 'BM';

/**
 * A local stand-in for WeChat's asynchronous media check (*our choice* of rules): the call answers
 * at once with a `trace_id`; the verdict arrives later as a `wxa_media_check` message-push event
 * invoked on every function whose config.json lists `"messagePush": ["wxa_media_check"]` (the
 * stand-in for the console's 消息推送 → 云函数 setting). Rules: an image containing the ASCII marker
 * `EMU_RISKY` is risky (label 20002); media the checker cannot fetch (not one of our signed temp
 * URLs), that is not an image, or is over 10 MB comes back as `review` with a failed detail.
 */
export class MediaChecks {
  readonly entries: MediaCheckEntry[] = [];
  private readonly pending = new Map<string, { event: MediaCheckEvent; timer?: NodeJS.Timeout }>();
  private held = false;
  private stopped = false;

  constructor(
    private readonly o: {
      storage: Storage;
      runner: FunctionRunner;
      functionsDir: string;
      delayMs: number;
      log: (line: string) => void;
    },
  ) {}

  /** security.mediaCheckAsync (v2): `{errcode, errmsg, trace_id}` now, the verdict pushed later. */
  start(req: Record<string, unknown>): unknown {
    const url = typeof req.media_url === 'string' ? req.media_url : '';
    const openid = typeof req.openid === 'string' ? req.openid : '';
    const scene = Number(req.scene);
    const mediaType = Number(req.media_type);
    if (Number(req.version) !== 2 || !openid || ![1, 2, 3, 4].includes(scene) || ![1, 2].includes(mediaType))
      return {
        errcode: 40003,
        errmsg: 'invalid args: version 2, openid, scene 1-4 and media_type 1|2 are required',
      };
    if (!/^https?:\/\//.test(url)) return { errcode: 40003, errmsg: 'invalid media_url' };
    const traceId = `emu-mc-${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
    const { suggest, label, detailCode } = this.judge(url, mediaType);
    const event: MediaCheckEvent = {
      ToUserName: 'gh_local',
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx-local-appid',
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: detailCode, suggest, label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
    this.entries.push({
      at: new Date().toISOString(),
      openid,
      scene,
      mediaType,
      traceId,
      status: 'pending',
      suggest,
      label,
    });
    if (this.entries.length > 1000) this.entries.shift();
    const p: { event: MediaCheckEvent; timer?: NodeJS.Timeout } = { event };
    this.pending.set(traceId, p);
    this.schedule(traceId);
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  /** Holds verdicts until `deliverAll` (tests that look at the pending state), or releases them. */
  hold(on: boolean): void {
    this.held = on;
    if (!on) for (const id of this.pending.keys()) this.schedule(id);
  }

  /**
   * Pushes every pending verdict now, one after another (WeChat's pushes arrive one by one, and a
   * burst would only start a cold worker per push); resolves when the functions have handled them.
   */
  async deliverAll(): Promise<number> {
    const ids = [...this.pending.keys()];
    for (const id of ids) await this.deliver(id);
    return ids.length;
  }

  stop(): void {
    this.stopped = true;
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
  }

  private schedule(traceId: string): void {
    const p = this.pending.get(traceId);
    if (!p || this.held || p.timer) return;
    p.timer = setTimeout(() => void this.deliver(traceId), Math.max(0, this.o.delayMs));
    p.timer.unref();
  }

  private judge(url: string, mediaType: number): { suggest: string; label: number; detailCode: number } {
    let bytes: Buffer | null = null;
    try {
      const u = new URL(url);
      const prefix = '/_storage/files/';
      if (u.pathname.startsWith(prefix)) {
        const cloudPath = this.o.storage.cleanPath(decodeURIComponent(u.pathname.slice(prefix.length)));
        if (this.o.storage.mayServe(cloudPath, u.searchParams.get('t'), u.searchParams.get('sign')))
          bytes = this.o.storage.read(cloudPath)?.data ?? null;
      }
    } catch {
      bytes = null;
    }
    // Not fetchable, not an image (for an image check) or too large: the check itself failed.
    if (!bytes || (mediaType === 2 && (!isImage(bytes) || bytes.length > MAX_IMAGE_BYTES)))
      return { suggest: 'review', label: 21000, detailCode: -1008 };
    if (bytes.includes('EMU_RISKY')) return { suggest: 'risky', label: 20002, detailCode: 0 };
    return { suggest: 'pass', label: 100, detailCode: 0 };
  }

  /** Functions subscribed to the event (config.json `messagePush`). */
  private subscribers(): string[] {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.o.functionsDir);
    } catch {
      return [];
    }
    return names.filter((fn) => {
      try {
        const cfg = JSON.parse(
          fs.readFileSync(path.join(this.o.functionsDir, fn, 'config.json'), 'utf8'),
        ) as {
          messagePush?: unknown;
        };
        return Array.isArray(cfg.messagePush) && cfg.messagePush.includes('wxa_media_check');
      } catch {
        return false;
      }
    });
  }

  private async deliver(traceId: string): Promise<void> {
    const p = this.pending.get(traceId);
    if (!p || this.stopped) return;
    this.pending.delete(traceId);
    if (p.timer) clearTimeout(p.timer);
    const to = this.subscribers();
    for (const fn of to) {
      // The platform's push carries no caller identity, like a timer.
      const r = await this.o.runner.invoke(fn, p.event, NO_IDENTITY, 'push');
      if (!r.ok) this.o.log(`[emulator] wxa_media_check push to ${fn} failed: ${r.code} ${r.message}`);
    }
    const e = this.entries.find((x) => x.traceId === traceId);
    if (e) Object.assign(e, { status: 'delivered', deliveredAt: new Date().toISOString(), deliveredTo: to });
  }
}
