import type { OutboxDoc } from '@shared/db/schemas/outbox';
import type { SendOutcome, SmsProvider } from './channels';

/**
 * SMS configuration, from the function's environment (cloudbaserc.json `envVariables`):
 * - `JY_SMS_PROVIDER`: `tencent` (Tencent Cloud SMS), `emulator` (the local recording fake), or
 *   unset/`none` (no SMS: the channel rule then never picks it).
 * - `JY_SMS_SDK_APP_ID`, `JY_SMS_SIGN`, `JY_SMS_TEMPLATES` (JSON: message kind → approved SMS
 *   template id) for `tencent`; the platform's TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN sign.
 */
export function smsFromEnv(env: NodeJS.ProcessEnv = process.env): SmsProvider | null {
  const kind = env.JY_SMS_PROVIDER ?? '';
  if (kind === 'tencent') return tencentSms(env);
  if (kind === 'emulator') return emulatorSms(env);
  return null;
}

/**
 * Parameters of the SMS template of each kind. Tencent Cloud SMS templates are approved with
 * numbered variables ({1} {2}); variables are short (≤ 12 characters each is the safe limit for
 * ordinary templates), so each is cut here.
 */
export function smsParams(msg: Pick<OutboxDoc, 'kind' | 'title' | 'data'>): string[] {
  const cut = (s: string | undefined, n = 12) => [...(s ?? '')].slice(0, n).join('');
  const d = msg.data;
  switch (msg.kind) {
    case 'appointment.reminder':
      return [cut(d.time, 16), cut(d.place)];
    case 'contract.renewal':
    case 'contract.expired':
      return [cut(d.date, 10), cut(d.team)];
    case 'care.followupDue':
      return [cut(d.item), cut(d.date, 10)];
    default:
      return [cut(msg.title)];
  }
}

/** The real adapter: Tencent Cloud SMS `SendSms` (API 2021-01-11) through the official SDK. */
function tencentSms(env: NodeJS.ProcessEnv): SmsProvider {
  const templates = JSON.parse(env.JY_SMS_TEMPLATES || '{}') as Record<string, string>;
  let client: {
    SendSms(
      req: object,
    ): Promise<{ SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[] }>;
  } | null = null;
  const getClient = () => {
    if (client) return client;
    // Loaded lazily: only deployments that configure SMS pay for the SDK at cold start.
    const { sms } = require('tencentcloud-sdk-nodejs-sms') as typeof import('tencentcloud-sdk-nodejs-sms');
    client = new sms.v20210111.Client({
      credential: {
        secretId: env.TENCENTCLOUD_SECRETID,
        secretKey: env.TENCENTCLOUD_SECRETKEY,
        ...(env.TENCENTCLOUD_SESSIONTOKEN ? { token: env.TENCENTCLOUD_SESSIONTOKEN } : {}),
      },
      region: env.JY_SMS_REGION || 'ap-guangzhou',
    });
    return client;
  };
  return {
    name: 'tencent',
    async send(p): Promise<SendOutcome> {
      const templateId = templates[p.kind];
      if (!templateId) return { ok: false, refused: true, error: `no SMS template for ${p.kind}` };
      try {
        const r = await getClient().SendSms({
          SmsSdkAppId: env.JY_SMS_SDK_APP_ID,
          SignName: env.JY_SMS_SIGN,
          TemplateId: templateId,
          PhoneNumberSet: [`+86${p.mobile}`],
          TemplateParamSet: p.params,
          SessionContext: p.outboxId.slice(0, 100),
        });
        const st = r.SendStatusSet?.[0];
        if (st?.Code === 'Ok') return { ok: true, ...(st.SerialNo ? { ref: st.SerialNo } : {}) };
        // Number and content errors will not heal on retry; quota and network errors may.
        const refused = /InvalidParameter|UnsupportedOperation|PhoneNumber|Template/i.test(st?.Code ?? '');
        return { ok: false, refused, error: st?.Code ?? 'no status' };
      } catch (e) {
        return { ok: false, refused: false, error: (e as { code?: string }).code ?? 'sms error' };
      }
    },
  };
}

/**
 * The local fake: posts the text to the emulator, which records it (masked number) for the
 * console, as WeChat's outbox is recorded. The emulator's address comes from the same
 * TCB_CONTEXT_CNFG the SDK uses.
 */
function emulatorSms(env: NodeJS.ProcessEnv): SmsProvider {
  let base = '';
  try {
    base = String((JSON.parse(env.TCB_CONTEXT_CNFG || '{}') as { URL?: string }).URL ?? '').replace(
      /\/admin\/?$/,
      '',
    );
  } catch {
    base = '';
  }
  return {
    name: 'emulator',
    async send(p): Promise<SendOutcome> {
      if (!base) return { ok: false, refused: false, error: 'no emulator address' };
      try {
        const res = await fetch(`${base}/_emulator/api/sms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            mobileMasked: `${p.mobile.slice(0, 3)}****${p.mobile.slice(-4)}`,
            kind: p.kind,
            params: p.params,
            outboxId: p.outboxId,
          }),
        });
        const j = (await res.json()) as { ok?: boolean; serial?: string; error?: string };
        return j.ok
          ? { ok: true, ...(j.serial ? { ref: j.serial } : {}) }
          : { ok: false, refused: true, error: j.error ?? 'refused' };
      } catch {
        return { ok: false, refused: false, error: 'emulator unreachable' };
      }
    },
  };
}
