import cloudbase from '@cloudbase/node-sdk';

/** The database handle function code uses; repositories receive it (STYLE.md §8). */
export type Database = ReturnType<ReturnType<typeof cloudbase.init>['database']>;

/**
 * The current environment's database, initialised as CloudBase documents it. Initialised per
 * invocation: the platform (and the emulator) may change the environment between calls.
 */
export function currentDatabase(): Database {
  return cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV }).database();
}

/** The document API inside `runTransaction` (the SDK's typings omit the callback's type). */
export type TxDoc = {
  get(): Promise<{ data: unknown }>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
};
export type Tx = { collection(name: string): { doc(id: string): TxDoc } };

/**
 * Runs `work` in a transaction (retried by the SDK on a write conflict, so `work` must only
 * decide from what it reads inside) and returns its last result.
 */
export async function inTransaction<T>(db: Database, work: (t: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  let done = false;
  await db.runTransaction(async (t: unknown) => {
    result = await work(t as Tx);
    done = true;
  });
  if (!done) throw new Error('transaction did not run');
  return result as T;
}
