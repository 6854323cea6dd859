import { type Day, diffDays, type Window } from '../time';

// Small composable predicates over a window and a day (Simple.org style: passed_unvisited →
// overdue). A window [start, end] is inclusive; `end` is the due-by day.
// Example, referral on 2026-03-02 → window 2026-03-02 … 2026-03-16:
//   03-01 not open · 03-02 open · 03-16 open · 03-17 passed (overdue if unresolved).

/** True from the window's first day on. */
export const hasOpened = (w: Window, today: Day): boolean => today >= w.start;
/** True from the day after the window's last day. */
export const hasPassed = (w: Window, today: Day): boolean => today > w.end;
/** True on any day inside the window. */
export const isOpen = (w: Window, today: Day): boolean => hasOpened(w, today) && !hasPassed(w, today);

/** Opens within `soonDays` days (but not yet open). */
export const opensSoon = (w: Window, today: Day, soonDays: number): boolean =>
  !hasOpened(w, today) && diffDays(today, w.start) <= soonDays;

/** Passed and never resolved: the item a doctor must act on first. */
export const isOverdue = (w: Window, today: Day, resolved: boolean): boolean =>
  !resolved && hasPassed(w, today);

/** Open and not yet resolved. */
export const isDue = (w: Window, today: Day, resolved: boolean): boolean => !resolved && isOpen(w, today);

/** Work-item states, in the order a worklist sorts them. */
export const WORK_STATES = ['overdue', 'due', 'soon', 'upcoming', 'done'] as const;
export type WorkState = (typeof WORK_STATES)[number];

/** The state of one window on a day. */
export const workState = (w: Window, today: Day, resolved: boolean, soonDays: number): WorkState => {
  if (resolved) return 'done';
  if (isOverdue(w, today, resolved)) return 'overdue';
  if (isDue(w, today, resolved)) return 'due';
  return opensSoon(w, today, soonDays) ? 'soon' : 'upcoming';
};
