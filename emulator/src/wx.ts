import fs from 'node:fs';
import QRCode from 'qrcode';
import { templateById } from '../../shared/wx/subscribe-templates';
import { EmuError } from './ejson';
import { parseJsonCapped } from './json';
import type { MediaChecks } from './mediacheck';

/** One subscribe message the emulator accepted or refused (what WeChat would have delivered). */
export type OutboxEntry = {
  at: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  status: 'sent' | 'rejected';
  errcode: number;
  errmsg: string;
  /** Function invocation that sent it, when known. */
  invocationId?: string;
};

/** One text message the local SMS fake accepted (number masked by the sender; messaging). */
export type SmsEntry = {
  at: string;
  mobileMasked: string;
  kind: string;
  params: string[];
  outboxId: string;
  serial: string;
};

/** One security.msgSecCheck call: who, which scene, the verdict; the text itself is not kept. */
export type SecCheckEntry = {
  at: string;
  openid: string;
  scene: number;
  suggest: string;
  label: number;
  length: number;
};

/**
 * A small local stand-in for WeChat's content-security model (*our choice*): text containing one of
 * these is `risky` with the label WeChat uses for that class (20001 时政, 20002 色情, 20006 违法犯罪,
 * 21000 其他). Real WeChat decides by its own models.
 */
const SEC_RULES: readonly { words: readonly string[]; label: number }[] = [
  { words: ['法轮'], label: 20001 },
  { words: ['色情', '裸聊'], label: 20002 },
  { words: ['赌博', '代开发票', '枪支', '毒品', '办假证'], label: 20006 },
  { words: ['EMU_RISKY'], label: 21000 },
];

/** Length caps WeChat documents per keyword type (characters). */
const KEYWORD_LIMITS: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
  amount: 10,
};

/** `wx.api` open APIs: subscribeMessage.send (validated, recorded) and wxacode.getUnlimited. */
export class WxApi {
  readonly outbox: OutboxEntry[] = [];
  /** Texts recorded by the SMS fake (`JY_SMS_PROVIDER=emulator`), newest last. */
  readonly sms: SmsEntry[] = [];

  /** Content-security calls (verdicts only, never the text), newest last. */
  readonly secChecks: SecCheckEntry[] = [];

  /** security.mediaCheckAsync: set by the emulator (it needs storage and the function runner). */
  media?: MediaChecks;

  /** Records one text from the SMS fake (POST /_emulator/api/sms), kept beside the WeChat outbox. */
  recordSms(body: Record<string, unknown>): SmsEntry {
    const entry: SmsEntry = {
      at: new Date().toISOString(),
      mobileMasked: String(body.mobileMasked ?? '').slice(0, 20),
      kind: String(body.kind ?? ''),
      params: Array.isArray(body.params) ? body.params.map(String) : [],
      outboxId: String(body.outboxId ?? ''),
      serial: `sms-${Date.now()}-${this.sms.length}`,
    };
    this.sms.push(entry);
    if (this.sms.length > 1000) this.sms.shift();
    fs.appendFileSync(
      this.outboxFile.replace(/wx-outbox\.jsonl$/, 'sms-outbox.jsonl'),
      `${JSON.stringify(entry)}\n`,
    );
    return entry;
  }

  constructor(private readonly outboxFile: string) {
    if (fs.existsSync(outboxFile)) {
      for (const line of fs.readFileSync(outboxFile, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          this.outbox.push(JSON.parse(line) as OutboxEntry);
        } catch {
          // A torn last line of the outbox record loses only that record.
        }
      }
    }
  }

  /** Answers `wx.api`; the SDK hands `responseData` (a JSON string) back to the caller as result. */
  async handle(apiName: unknown, requestData: unknown, invocationId?: string): Promise<unknown> {
    let req: Record<string, unknown> = {};
    if (typeof requestData === 'string' && requestData) {
      req = parseJsonCapped(requestData, 'requestData') as Record<string, unknown>;
    }
    switch (apiName) {
      case 'subscribeMessage.send':
      case '/cgi-bin/message/subscribe/send':
        return this.send(req, invocationId);
      case 'wxacode.getUnlimited':
      case '/wxa/getwxacodeunlimit':
        return this.qr(req);
      case 'security.msgSecCheck':
      case '/wxa/msg_sec_check':
        return this.secCheck(req);
      case 'security.mediaCheckAsync':
      case '/wxa/media_check_async':
        if (!this.media) throw new EmuError('INVALID_PARAM', 'wx.api security.mediaCheckAsync is not set up');
        return this.media.start(req);
      default:
        throw new EmuError('INVALID_PARAM', `wx.api ${String(apiName)} is not emulated`);
    }
  }

  /** security.msgSecCheck (v2): `{errcode, result: {suggest, label}, detail, trace_id}`. */
  private secCheck(req: Record<string, unknown>): unknown {
    const content = typeof req.content === 'string' ? req.content : '';
    const openid = typeof req.openid === 'string' ? req.openid : '';
    const scene = Number(req.scene);
    if (Number(req.version) !== 2 || !openid || ![1, 2, 3, 4].includes(scene))
      return { errcode: 40003, errmsg: 'invalid args: version 2, openid and scene 1-4 are required' };
    if (content.length > 2500) return { errcode: 87014, errmsg: 'risky content' };
    const hit = SEC_RULES.find((r) => r.words.some((w) => content.includes(w)));
    const suggest = hit ? 'risky' : 'pass';
    const label = hit ? hit.label : 100;
    this.secChecks.push({
      at: new Date().toISOString(),
      openid,
      scene,
      suggest,
      label,
      length: content.length,
    });
    if (this.secChecks.length > 1000) this.secChecks.shift();
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
      trace_id: `emu-${Date.now()}-${this.secChecks.length}`,
    };
  }

  private send(req: Record<string, unknown>, invocationId?: string): unknown {
    const touser = typeof req.touser === 'string' ? req.touser : '';
    const templateId = typeof req.template_id === 'string' ? req.template_id : '';
    const rawData = (req.data && typeof req.data === 'object' ? req.data : {}) as Record<string, unknown>;
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawData)) {
      data[k] = String((v as { value?: unknown } | null)?.value ?? '');
    }
    let errcode = 0;
    let errmsg = 'ok';
    const tpl = templateById(templateId);
    if (!touser) [errcode, errmsg] = [40003, 'invalid openid'];
    else if (!tpl) [errcode, errmsg] = [40037, `invalid template_id ${templateId}`];
    else {
      const missing = tpl.fields.filter((f) => !(f in rawData));
      const unknown = Object.keys(rawData).filter((f) => !tpl.fields.includes(f));
      const bad = tpl.fields.find((f) => {
        const v = data[f] ?? '';
        const type = f.replace(/\d+$/, '');
        return v === '' || [...v].length > (KEYWORD_LIMITS[type] ?? 64);
      });
      if (missing.length) [errcode, errmsg] = [47003, `argument invalid! data missing ${missing.join(',')}`];
      else if (unknown.length)
        [errcode, errmsg] = [47003, `argument invalid! data has unknown ${unknown.join(',')}`];
      else if (bad) [errcode, errmsg] = [47003, `argument invalid! data.${bad}.value empty or too long`];
    }
    const entry: OutboxEntry = {
      at: new Date().toISOString(),
      touser,
      templateId,
      data,
      status: errcode === 0 ? 'sent' : 'rejected',
      errcode,
      errmsg,
    };
    if (typeof req.page === 'string') entry.page = req.page;
    if (invocationId) entry.invocationId = invocationId;
    this.outbox.push(entry);
    if (this.outbox.length > 1000) this.outbox.shift();
    fs.appendFileSync(this.outboxFile, `${JSON.stringify(entry)}\n`);
    return errcode === 0 ? { errcode, errmsg, msgid: Date.now() } : { errcode, errmsg };
  }

  /**
   * A real QR code (not WeChat's round mini-program code) encoding page and scene; returned as
   * base64 in JSON because wx.api has no binary channel (*our choice*).
   */
  private async qr(req: Record<string, unknown>): Promise<unknown> {
    const scene = typeof req.scene === 'string' ? req.scene : '';
    if (!scene || scene.length > 32) return { errcode: 40169, errmsg: 'invalid length for scene (1-32)' };
    const page = typeof req.page === 'string' && req.page ? req.page : 'pages/index/index';
    const width = Math.min(Math.max(Number(req.width) || 430, 280), 1280);
    const text = `${page}?scene=${encodeURIComponent(scene)}`;
    const png = await QRCode.toBuffer(text, { type: 'png', width, margin: 2 });
    return {
      errcode: 0,
      errmsg: 'ok',
      contentType: 'image/png',
      buffer: png.toString('base64'),
      encoded: text,
    };
  }
}
