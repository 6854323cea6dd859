import {
  DEFAULT_HOLIDAY_CALENDAR,
  type HolidayCalendar,
  isHoliday,
  isMakeUpWorkday,
  isoWeekday,
} from '../appointment/holidays';
import { type Day, shanghaiDay } from '../time';

/**
 * The response promise a team makes to its signed residents: an answer within this many hours,
 * counted only on workdays (weekends and public holidays pause the clock; make-up workdays count).
 */
export const RESPONSE_PROMISE = { workHours: 24 } as const;

/**
 * WeChat pushes a security.mediaCheckAsync verdict within 30 minutes; one still missing after an
 * hour is taken as refused (fail closed), so a photo never waits for ever and the resident may
 * send it again.
 */
export const MEDIA_CHECK_TIMEOUT_MS = 60 * 60_000;

/** Words that may mean an emergency: the page shows a call-120 card before the message is sent. */
export const EMERGENCY_WORDS: readonly string[] = [
  '胸痛',
  '胸口痛',
  '胸闷',
  '昏迷',
  '晕倒',
  '意识不清',
  '抽搐',
  '自杀',
  '轻生',
  '不想活',
  '呼吸困难',
  '喘不上气',
  '大出血',
  '吐血',
  '中风',
  '口角歪斜',
  '偏瘫',
  '心梗',
  '心脏骤停',
  '中毒',
  '过敏性休克',
];

export const EMERGENCY_PHONE = '120';

/** The emergency words found in a text (empty: none). Pure, so the page calls it before sending. */
export const emergencyWordsIn = (text: string): string[] => EMERGENCY_WORDS.filter((w) => text.includes(w));

const DAY_MS = 86_400_000;

/** True when clinics work on this Shanghai day. */
export const isWorkday = (cal: HolidayCalendar, day: Day): boolean =>
  isMakeUpWorkday(cal, day) || (!isHoliday(cal, day) && isoWeekday(day) <= 5);

/**
 * The instant a message sent at `from` must be answered by: `workHours` counted only on workdays
 * (Asia/Shanghai days). Server-computed and stored on the conversation, so the inbox is one
 * indexed query ordered by it.
 */
export function responseDueAt(
  from: Date,
  cal: HolidayCalendar = DEFAULT_HOLIDAY_CALENDAR,
  workHours: number = RESPONSE_PROMISE.workHours,
): Date {
  let remaining = workHours * 3_600_000;
  let cursor = from.getTime();
  // Bounded: even the longest holiday run ends within a few weeks.
  for (let i = 0; i < 400 && remaining > 0; i++) {
    const day = shanghaiDay(new Date(cursor));
    const dayEnd = new Date(`${day}T00:00:00+08:00`).getTime() + DAY_MS;
    if (isWorkday(cal, day)) {
      const take = Math.min(remaining, dayEnd - cursor);
      remaining -= take;
      if (remaining === 0) return new Date(cursor + take);
    }
    cursor = dayEnd;
  }
  return new Date(cursor);
}

/** The resident's "answer expected by" line, in Shanghai time. */
export const dueText = (due: Date): string => {
  const s = new Date(due.getTime() + 8 * 3_600_000).toISOString();
  return `预计 ${s.slice(5, 7)}月${s.slice(8, 10)}日 ${s.slice(11, 16)} 前回复`;
};
