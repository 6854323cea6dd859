import { addDays, addMonths, type Day, shanghaiDay, type Window } from '../time';
import { DEFAULT_CONTRACT_CONFIG, type TContractConfig } from './config';
import type { EffectiveStatus, TContract } from './model';

/**
 * The status a reader should see at `now`, before any nightly job has run.
 * - active, today before startDate → 'upcoming' (a renewal confirmed early)
 * - active, today after endDate → 'expired' (term 2026-03-02 … 2027-03-01 reads expired on 2027-03-02)
 * - superseded, still inside its truncated term → 'active' (old team serves until the new start)
 */
export const effectiveStatus = (c: TContract, now: Date): EffectiveStatus =>
  effectiveStatusOn(c, shanghaiDay(now));

/** effectiveStatus for a Shanghai day. */
export const effectiveStatusOn = (c: TContract, today: Day): EffectiveStatus => {
  const start = c.startDate ?? '';
  const end = c.endDate ?? '';
  if (c.status === 'active') {
    if (today < start) return 'upcoming';
    return today > end ? 'expired' : 'active';
  }
  if (c.status === 'superseded') return today >= start && today <= end ? 'active' : 'superseded';
  return c.status;
};

/** True when the contract serves the resident on that day. */
export const isLiveOn = (c: TContract, today: Day): boolean => effectiveStatusOn(c, today) === 'active';

/** Confirmed and not yet ended: live today or starting later. Blocks a second new signing. */
export const isLiveOrUpcomingOn = (c: TContract, today: Day): boolean => {
  const s = effectiveStatusOn(c, today);
  return s === 'active' || s === 'upcoming';
};

/**
 * First and last day of a term: start 2026-03-02, 12 months → 2026-03-02 … 2027-03-01. When the
 * anniversary does not exist it is clamped and kept: 2024-02-29 → … 2025-02-28.
 */
export const termOf = (start: Day, cfg: TContractConfig = DEFAULT_CONTRACT_CONFIG): Window => {
  const anniversary = addMonths(start, cfg.termMonths);
  const clamped = anniversary.slice(8) !== start.slice(8);
  return { start, end: clamped ? anniversary : addDays(anniversary, -1) };
};

/** Renewal window around endDate: 2027-03-01 end → 2027-01-30 … 2027-03-31 with 30/30 days. */
export const renewalWindow = (c: TContract, cfg: TContractConfig = DEFAULT_CONTRACT_CONFIG): Window | null =>
  c.endDate === undefined
    ? null
    : { start: addDays(c.endDate, -cfg.renewalWindowDays), end: addDays(c.endDate, cfg.renewalGraceDays) };
