import type { TEducationConfig } from './config';

/**
 * POLICY.md row "district hospitals": a weekly health live stream of at least 30 minutes with
 * resident Q&A. A shorter session is refused with this reason (shown to the scheduler).
 */
export const LIVE_TOO_SHORT_REASON = '按政策要求，区级医院每周健康直播时长不少于30分钟（含居民问答）';

/** 'ok' or why a duration is refused. */
export const checkLiveDuration = (
  minutes: number,
  cfg: Pick<TEducationConfig, 'minLiveMinutes' | 'maxLiveMinutes'>,
): 'ok' | 'too_short' | 'too_long' => {
  if (minutes < cfg.minLiveMinutes) return 'too_short';
  if (minutes > cfg.maxLiveMinutes) return 'too_long';
  return 'ok';
};

/** Live channels: WeChat Channels live (视频号 id) or a web link. */
export const LIVE_CHANNELS = ['channels', 'link'] as const;
export type LiveChannel = (typeof LIVE_CHANNELS)[number];
