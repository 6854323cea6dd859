import type { Tx } from '../_lib/db';

/** A document read inside a transaction (the SDK answers an object, or an array on some paths). */
export async function txGet<T>(t: Tx, collection: string, id: string): Promise<T | undefined> {
  const d = (await t.collection(collection).doc(id).get()).data as T | T[] | null | undefined;
  if (Array.isArray(d)) return d[0];
  return d ?? undefined;
}
