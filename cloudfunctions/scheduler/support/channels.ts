import type { OutboxDoc } from '@shared/db/schemas/outbox';
import { templateData } from '@shared/messaging/fit';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import { smsParams } from './sms';

/** The SDK app's open-API door (node-sdk `callWxOpenApi`, action `wx.api`). */
export type WxOpenApi = {
  callWxOpenApi(p: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
};

export type SendOutcome =
  | { ok: true; ref?: string }
  /** `refused`: the provider answered no for good (no credit, bad number): try the next channel. */
  | { ok: false; refused: boolean; error: string };

/** WeChat answers these when the user has no (more) permission for the template. */
const NO_PERMISSION = new Set([43101, 43107, 40003]);

/**
 * Sends one outbox entry as a subscribe message. Template id and field mapping are read here, at
 * send time, from shared/wx/subscribe-templates.ts; values are fitted to WeChat's limits by rule.
 */
export async function sendSubscribe(app: WxOpenApi, openid: string, msg: OutboxDoc): Promise<SendOutcome> {
  const tpl = SUBSCRIBE_TEMPLATES[msg.template as SubscribeTemplateKey];
  if (!tpl) return { ok: false, refused: true, error: `unknown template ${msg.template}` };
  let r: { errcode?: number; errmsg?: string; msgid?: unknown };
  try {
    const res = await app.callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: {
        touser: openid,
        template_id: tpl.id,
        page: msg.page,
        data: templateData(tpl, msg.data),
        miniprogram_state: process.env.JY_MP_STATE || 'formal',
        lang: 'zh_CN',
      },
    });
    const raw = res.result;
    r = (typeof raw === 'string' ? JSON.parse(raw) : raw) as typeof r;
  } catch (e) {
    return { ok: false, refused: false, error: `wx.api ${(e as { code?: string }).code ?? 'error'}` };
  }
  if (!r || r.errcode === 0 || r.errcode === undefined) return { ok: true, ref: String(r?.msgid ?? '') };
  const refused = NO_PERMISSION.has(r.errcode) || r.errcode === 47003 || r.errcode === 40037;
  return { ok: false, refused, error: `${r.errcode} ${r.errmsg ?? ''}`.trim() };
}

/** A text-message provider (Tencent Cloud SMS in production, a recording fake locally). */
export type SmsProvider = {
  readonly name: string;
  send(p: { mobile: string; kind: string; params: string[]; outboxId: string }): Promise<SendOutcome>;
};

export { smsParams };
