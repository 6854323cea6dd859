import type { Database } from '../../_lib/db';

/**
 * Runs a pipeline (ONE request) through the SDK's stage builder, one method per stage: the raw
 * argument of `collection.aggregate([...])` is ignored by @cloudbase/node-sdk.
 */
export async function aggregate(
  db: Database,
  collection: string,
  pipeline: readonly object[],
): Promise<Record<string, unknown>[]> {
  type Builder = Record<string, (v: unknown) => Builder> & {
    end(): Promise<{ data?: unknown[]; list?: unknown[] }>;
  };
  let agg = db.collection(collection).aggregate() as unknown as Builder;
  for (const stage of pipeline) {
    const [key, value] = Object.entries(stage)[0] as [string, unknown];
    const method = agg[key.slice(1)];
    if (typeof method !== 'function') throw new Error(`unsupported stage ${key}`);
    agg = method.call(agg, value);
  }
  const res = await agg.end();
  return (res.data ?? res.list ?? []) as Record<string, unknown>[];
}
