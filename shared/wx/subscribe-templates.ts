/**
 * WeChat subscribe-message templates the service may send, in ONE place, read at send time:
 * stored messages name a template by key and carry meaning-named values (`resident`, `time` …);
 * the sender looks up the WeChat id and maps values onto the template's numbered fields here.
 * The local emulator validates every `subscribeMessage.send` against this list, and deployment
 * registers the same ids in the mini-program console (the ids below are local placeholders until
 * then; replacing them here changes what is sent without touching any stored message).
 * Field names follow WeChat's keyword types (thing, time, phrase, name, date…): the type is the
 * field name without its number, and decides the truncation rule (shared/messaging/fit.ts).
 */
export type SubscribeTemplate = {
  /** Template id as registered with WeChat. */
  id: string;
  /** Human title as shown to the user when subscribing. */
  title: string;
  /** Data keys the template requires, e.g. `thing1` → `{ thing1: { value: '…' } }`. */
  fields: readonly string[];
  /** Template field → key of the message's `data` it shows (absent: the field name itself). */
  map?: Readonly<Record<string, string>>;
  /**
   * `once`: a one-time subscription, one message per acceptance (a credit consumed per send).
   * `long`: a long-term subscription (WeChat grants these to medical and public services only):
   * acceptance is kept until withdrawn and sending consumes nothing.
   */
  mode: 'once' | 'long';
  /** Why we ask, in one line, shown next to the permission request. */
  reason: string;
};

export const SUBSCRIBE_TEMPLATES = {
  contractConfirmed: {
    id: 'TPL_CONTRACT_CONFIRMED_LOCAL',
    title: '签约成功通知',
    fields: ['name1', 'thing2', 'date3', 'thing4'],
    map: { name1: 'resident', thing2: 'team', date3: 'date', thing4: 'note' },
    mode: 'once',
    reason: '签约审核结果出来时通知您',
  },
  appointmentReminder: {
    id: 'TPL_APPOINTMENT_REMINDER_LOCAL',
    title: '预约就诊提醒',
    fields: ['name1', 'time2', 'thing3', 'thing4'],
    map: { name1: 'resident', time2: 'time', thing3: 'place', thing4: 'doctor' },
    mode: 'once',
    reason: '就诊前一晚和就诊前 2 小时提醒您',
  },
  followupDue: {
    id: 'TPL_FOLLOWUP_DUE_LOCAL',
    title: '随访提醒',
    fields: ['thing1', 'date2', 'thing3'],
    map: { thing1: 'item', date2: 'date', thing3: 'note' },
    mode: 'long',
    reason: '医生安排的随访到期时提醒您',
  },
  renewalNotice: {
    id: 'TPL_RENEWAL_NOTICE_LOCAL',
    title: '续约提醒',
    fields: ['name1', 'date2', 'thing3'],
    map: { name1: 'resident', date2: 'date', thing3: 'note' },
    mode: 'once',
    reason: '签约快到期时提醒您续约',
  },
  workDigest: {
    id: 'TPL_WORK_DIGEST_LOCAL',
    title: '待办工作提醒',
    fields: ['thing1', 'number2', 'date3'],
    map: { thing1: 'item', number2: 'count', date3: 'date' },
    mode: 'long',
    reason: '每天提醒您待处理的签约和随访',
  },
  healthEducation: {
    id: 'TPL_HEALTH_EDUCATION_LOCAL',
    title: '健康科普推送',
    fields: ['thing1', 'thing2'],
    map: { thing1: 'title', thing2: 'note' },
    mode: 'once',
    reason: '您关注的健康话题有新文章时通知您',
  },
} as const satisfies Record<string, SubscribeTemplate>;

export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES;
export const SUBSCRIBE_TEMPLATE_KEYS = Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[];

/** Looks a template up by its WeChat id (what `subscribeMessage.send` carries). */
export function templateById(id: string): SubscribeTemplate | undefined {
  return Object.values(SUBSCRIBE_TEMPLATES).find((t) => t.id === id);
}

/** The template key behind a WeChat id (what the client reports after `requestSubscribeMessage`). */
export function templateKeyById(id: string): SubscribeTemplateKey | undefined {
  return SUBSCRIBE_TEMPLATE_KEYS.find((k) => SUBSCRIBE_TEMPLATES[k].id === id);
}
