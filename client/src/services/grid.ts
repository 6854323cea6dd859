// Only types come from @shared/api here (no zod in the bundle).
import type { OutputOf } from '@shared/api/define';
import type {
  acknowledge,
  addMember,
  gridOverview,
  listGrids,
  moveOut,
  myReports,
  qrSheet,
  registerHousehold,
  report,
  resolve,
  scanHousehold,
  teamReports,
  updateMember,
} from '@shared/api/grid';
import Taro from '@tarojs/taro';
import { ApiError, invoke } from './api';

export const scanHouseholdCard = (input: { code: string } | { householdId: string }) =>
  invoke<OutputOf<typeof scanHousehold>>('grid', 'scanHousehold', input);
export const getGridOverview = (input: { gridId?: string } = {}) =>
  invoke<OutputOf<typeof gridOverview>>('grid', 'gridOverview', input);
export const getMyReports = (input: { status?: string } = {}) =>
  invoke<OutputOf<typeof myReports>>('grid', 'myReports', input);
export const getTeamReports = (input: { status?: string } = {}) =>
  invoke<OutputOf<typeof teamReports>>('grid', 'teamReports', input);
export const acknowledgeReport = (reportId: string) =>
  invoke<OutputOf<typeof acknowledge>>('grid', 'acknowledge', { reportId });
export const resolveReport = (input: { reportId: string; intervention: string; adopt?: boolean }) =>
  invoke<OutputOf<typeof resolve>>('grid', 'resolve', input);
export const updateHouseholdMember = (input: { residentId: string; mobile?: string; tags?: string[] }) =>
  invoke<OutputOf<typeof updateMember>>('grid', 'updateMember', input);
export const printPlates = (input: { gridId: string; householdIds?: string[] }) =>
  invoke<OutputOf<typeof qrSheet>>('grid', 'qrSheet', input);
export const getGrids = () => invoke<OutputOf<typeof listGrids>>('grid', 'listGrids', {});

// ---- The offline queue: writes made without signal are kept on the device and sent later. ----

/** Writes that may wait for the network; each carries its own request id (the server dedupes). */
export type QueuedAction = 'registerHousehold' | 'addMember' | 'report' | 'moveOut';
type Outputs = {
  registerHousehold: OutputOf<typeof registerHousehold>;
  addMember: OutputOf<typeof addMember>;
  report: OutputOf<typeof report>;
  moveOut: OutputOf<typeof moveOut>;
};
export type QueueItem = {
  requestId: string;
  action: QueuedAction;
  input: Record<string, unknown> & { requestId: string };
  /** What the worker sees in the waiting list (address, name; never an ID number). */
  label: string;
  queuedAt: string;
};
/** A queued write the server refused when it finally arrived (shown until dismissed). */
export type FailedItem = QueueItem & { code: string; message: string };

export const QUEUE_KEY = 'jy.grid.queue';
export const FAILED_KEY = 'jy.grid.queue.failed';

const read = <T>(key: string): T[] => {
  try {
    const v = Taro.getStorageSync(key);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};
const write = (key: string, v: unknown[]) => Taro.setStorageSync(key, v);

/** A fresh request id: time + randomness (no crypto API on every mini-program base library). */
export const newRequestId = (): string =>
  `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`;

/** Network failures (no answer at all) queue; an answer from the server, even a refusal, does not. */
const isOffline = (e: unknown): boolean =>
  e instanceof ApiError &&
  (e.code === 'NETWORK' || e.code.startsWith('FUNCTIONS_') || e.code === 'BAD_RESPONSE');

export const pendingWrites = (): QueueItem[] => read<QueueItem>(QUEUE_KEY);
export const failedWrites = (): FailedItem[] => read<FailedItem>(FAILED_KEY);
export const dismissFailed = (requestId: string) =>
  write(
    FAILED_KEY,
    failedWrites().filter((f) => f.requestId !== requestId),
  );

const listeners = new Set<(n: number) => void>();
/** Pages show how many writes are waiting; they subscribe here. */
export function onQueueChange(fn: (n: number) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
const notify = () => {
  const n = pendingWrites().length;
  for (const l of listeners) l(n);
};

/**
 * Sends a write now, or keeps it for later when there is no connection. Answers the result, or
 * `{ queued: true }` when it waits in the queue. Refusals (bad ID number, out of scope…) throw.
 */
export async function submit<A extends QueuedAction>(
  action: A,
  input: Record<string, unknown> & { requestId: string },
  label: string,
): Promise<{ queued: false; result: Outputs[A] } | { queued: true }> {
  // Earlier writes first, so a report never overtakes the registration it refers to.
  if (pendingWrites().length > 0) await flushQueue();
  if (pendingWrites().length === 0) {
    try {
      return { queued: false, result: await invoke<Outputs[A]>('grid', action, input) };
    } catch (e) {
      if (!isOffline(e)) throw e;
    }
  }
  const item: QueueItem = {
    requestId: input.requestId,
    action,
    input,
    label,
    queuedAt: new Date().toISOString(),
  };
  write(QUEUE_KEY, [...pendingWrites().filter((q) => q.requestId !== item.requestId), item]);
  notify();
  return { queued: true };
}

let flushing: Promise<{ sent: number; failed: number }> | null = null;

/**
 * Sends the waiting writes in order; stops at the first one that still has no connection (it
 * stays, and so does everything after it). A write answered — done or refused — leaves the
 * queue; a resend of one whose answer was lost is recognised by the server by its request id.
 */
export function flushQueue(): Promise<{ sent: number; failed: number }> {
  if (flushing) return flushing;
  const run = (async () => {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const [head] = pendingWrites();
      if (!head) break;
      try {
        await invoke('grid', head.action, head.input);
        sent++;
      } catch (e) {
        if (isOffline(e) || (e instanceof ApiError && (e.code === 'BUSY' || e.code === 'RATE_LIMITED')))
          break;
        failed++;
        const err = e as ApiError;
        write(FAILED_KEY, [...failedWrites(), { ...head, code: err.code, message: err.message }]);
      }
      write(
        QUEUE_KEY,
        pendingWrites().filter((q) => q.requestId !== head.requestId),
      );
      notify();
    }
    return { sent, failed };
  })();
  // Cleared once settled (never inside the run: an empty queue settles before it is assigned).
  flushing = run;
  run
    .finally(() => {
      if (flushing === run) flushing = null;
    })
    .catch(() => undefined);
  return run;
}

let watching = false;
/** Sends the queue whenever the connection comes back (once per app run). */
export function watchNetwork(): void {
  if (watching) return;
  watching = true;
  try {
    Taro.onNetworkStatusChange((s) => {
      if (s.isConnected) void flushQueue();
    });
  } catch {
    // Not every host has the event; pages also flush when shown.
  }
}
