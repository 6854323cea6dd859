import type { Database } from '../../_lib/db';
import type { SmsProvider, WxOpenApi } from './channels';

/**
 * One scheduler run: what it may use and how long it may take. Every job checks `timeLeft()`
 * before each bounded chunk and stops early, leaving its cursor for the next run; `hooks` lets
 * tests kill a run at a chosen point (never set in production).
 */
export type RunEnv = {
  db: Database;
  wx: WxOpenApi;
  sms: SmsProvider | null;
  /** The run's instant (emulator clock locally); due-ness is judged against it. */
  now: Date;
  /** Lease owner id of this run. */
  runId: string;
  /** Wall-clock deadline (ms since epoch, real time): the run stops starting work after it. */
  deadline: number;
  limits: RunLimits;
  hooks?: {
    /** Called after each outbox entry is settled, with the count so far (throw to "kill" the run). */
    afterMessage?(n: number): void;
    /** Called after each fan-out chunk is checkpointed. */
    afterChunk?(n: number): void;
  };
  /** Counters reported by the run (and read by the bench). */
  stats: RunStats;
};

export type RunLimits = {
  /** Entries claimed per batch, and at most per run. */
  batch: number;
  maxMessages: number;
  /** Residents read per fan-out chunk, and chunks per run. */
  fanoutChunk: number;
  maxChunks: number;
  /** How long a claim or job lease lasts (longer than any run can take). */
  leaseMs: number;
};

export const DEFAULT_LIMITS: RunLimits = {
  batch: 100,
  maxMessages: 2000,
  fanoutChunk: 500,
  maxChunks: 30,
  leaseMs: 2 * 60_000,
};

export type RunStats = {
  delivered: number;
  subscribe: number;
  sms: number;
  inappOnly: number;
  retried: number;
  dead: number;
  queued: number;
  fannedOut: number;
  stoppedEarly: boolean;
};

export const emptyStats = (): RunStats => ({
  delivered: 0,
  subscribe: 0,
  sms: 0,
  inappOnly: 0,
  retried: 0,
  dead: 0,
  queued: 0,
  fannedOut: 0,
  stoppedEarly: false,
});

export const timeLeft = (env: RunEnv): boolean => Date.now() < env.deadline;
