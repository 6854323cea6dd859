/**
 * WeChat subscribe-message templates the service may send, in ONE place: functions pick a template
 * by key, the local emulator validates every `subscribeMessage.send` against this list, and
 * deployment registers the same ids in the mini-program console (the ids below are placeholders
 * until then). Field names follow WeChat's keyword types (thing, time, phrase, name, date…).
 */
export type SubscribeTemplate = {
  /** Template id as registered with WeChat. */
  id: string;
  /** Human title as shown to the user when subscribing. */
  title: string;
  /** Data keys the template requires, e.g. `thing1` → `{ thing1: { value: '…' } }`. */
  fields: readonly string[];
};

export const SUBSCRIBE_TEMPLATES = {
  contractConfirmed: {
    id: 'TPL_CONTRACT_CONFIRMED_LOCAL',
    title: '签约成功通知',
    fields: ['name1', 'thing2', 'date3', 'thing4'],
  },
  appointmentReminder: {
    id: 'TPL_APPOINTMENT_REMINDER_LOCAL',
    title: '预约就诊提醒',
    fields: ['name1', 'time2', 'thing3', 'thing4'],
  },
  followupDue: {
    id: 'TPL_FOLLOWUP_DUE_LOCAL',
    title: '随访提醒',
    fields: ['thing1', 'date2', 'thing3'],
  },
  renewalNotice: {
    id: 'TPL_RENEWAL_NOTICE_LOCAL',
    title: '续约提醒',
    fields: ['name1', 'date2', 'thing3'],
  },
  healthEducation: {
    id: 'TPL_HEALTH_EDUCATION_LOCAL',
    title: '健康科普推送',
    fields: ['thing1', 'thing2'],
  },
} as const satisfies Record<string, SubscribeTemplate>;

export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES;

/** Looks a template up by its WeChat id (what `subscribeMessage.send` carries). */
export function templateById(id: string): SubscribeTemplate | undefined {
  return Object.values(SUBSCRIBE_TEMPLATES).find((t) => t.id === id);
}
