import cloudbase from '@cloudbase/node-sdk';
import type { Database } from '../../_lib/db';

// Aggregations over a whole institution or district can take longer than the SDK's default 15 s
// request time-out (the emulator evaluates them in JavaScript); they get most of the function's
// 60 s instead. Initialised per call like the guard's database (the invocation's credentials).
const aggregationDb = (): Database =>
  cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV, timeout: 55_000 }).database();

/**
 * Runs a pipeline (ONE request) through the SDK's stage builder, one method per stage: the raw
 * argument of `collection.aggregate([...])` is ignored by @cloudbase/node-sdk. The request goes
 * through a long-time-out instance of the same environment (`_db`, the guard's, only types it).
 */
export async function aggregate(
  _db: Database,
  collection: string,
  pipeline: readonly object[],
): Promise<Record<string, unknown>[]> {
  type Builder = Record<string, (v: unknown) => Builder> & {
    end(): Promise<{ data?: unknown[]; list?: unknown[] }>;
  };
  let agg = aggregationDb().collection(collection).aggregate() as unknown as Builder;
  for (const stage of pipeline) {
    const [key, value] = Object.entries(stage)[0] as [string, unknown];
    const method = agg[key.slice(1)];
    if (typeof method !== 'function') throw new Error(`unsupported stage ${key}`);
    agg = method.call(agg, value);
  }
  const res = await agg.end();
  return (res.data ?? res.list ?? []) as Record<string, unknown>[];
}
