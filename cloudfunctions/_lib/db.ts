import cloudbase from '@cloudbase/node-sdk';
import { ActionError } from './errors';

/** The database handle function code uses; repositories receive it (STYLE.md §8). */
export type Database = ReturnType<ReturnType<typeof cloudbase.init>['database']>;

/**
 * The current environment's database, initialised as CloudBase documents it. Initialised per
 * invocation: the platform (and the emulator) may change the environment between calls.
 */
export function currentDatabase(): Database {
  return cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV }).database();
}

/**
 * The document API inside `runTransaction` (the SDK's typings omit the callback's type). Only
 * single-document operations exist here: CloudBase runs `where`, `count` and `aggregate` outside
 * any transaction, so a transaction is designed around documents with known `_id`s.
 */
export type TxDoc = {
  get(): Promise<{ data: unknown }>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
  delete(): Promise<unknown>;
};
export type Tx = {
  collection(name: string): { doc(id: string): TxDoc; add(data: object): Promise<unknown> };
};

/** Attempts and back-off of `inTransaction` (exported for tests and the bench). */
export const TX_RETRY = { attempts: 6, baseMs: 15, maxMs: 400 } as const;

const CONFLICT_CODES = new Set(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_TRANSACTION_FAIL']);

/** A write lost to another transaction holding the same document (CloudBase fails at once). */
export const isTransactionConflict = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONFLICT_CODES.has(code)) return true;
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /TRANSACTION_CONFLICT|transaction.*conflict/i.test(message);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` in a transaction and returns its result. `work` must decide only from what it
 * reads inside (it may run several times). CloudBase fails a write on a locked document at once
 * and the SDK retries only 3 times without pause, so we retry conflicts ourselves with full-jitter
 * exponential back-off, bounded; when retries run out the caller answers BUSY (retryable), never
 * INTERNAL. An ActionError thrown by `work` (a refusal) ends the transaction without retry.
 * `attempt` (1, 2 …) lets a retry first check, outside the transaction, whether the race it lost
 * already decided its answer (a lock now held, a slot now full), instead of contending again.
 */
export async function inTransaction<T>(
  db: Database,
  work: (t: Tx, attempt: number) => Promise<T>,
  retry: { attempts: number; baseMs: number; maxMs: number } = TX_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let result: T | undefined;
    let done = false;
    try {
      await db.runTransaction(async (t: unknown) => {
        result = await work(t as Tx, attempt);
        done = true;
      });
    } catch (e) {
      if (e instanceof ActionError || !isTransactionConflict(e)) throw e;
      if (attempt >= retry.attempts) throw new ActionError('BUSY');
      const cap = Math.min(retry.maxMs, retry.baseMs * 2 ** attempt);
      await sleep(Math.random() * cap);
      continue;
    }
    if (!done) throw new Error('transaction did not run');
    return result as T;
  }
}
