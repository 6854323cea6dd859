import { COLLECTIONS } from '@shared/constants/collections';
import type { Database } from './db';
import { decryptPii, lookupHash } from './pii';

/**
 * Assisted signing finds a person by name + the last 4 characters of their ID number or mobile
 * (issue 12). Neither tail is stored: each resident carries keyed hashes of "name|tail"
 * (`residents.searchKeys`, indexed), so the query is one index look-up and a leaked table yields
 * nothing without the key. The ID tail and the phone tail share one name space: the searcher does
 * not say which of the two they typed.
 */
export const searchKey = (name: string, tail: string): string =>
  lookupHash('search', `${name.trim()}|${tail.trim().toUpperCase()}`);

/** The search keys of a person, from the plain values the writer has in hand. */
export function searchKeysFor(p: { name: string; idNumber: string; mobile?: string | undefined }): string[] {
  const keys = [searchKey(p.name, p.idNumber.slice(-4))];
  if (p.mobile) keys.push(searchKey(p.name, p.mobile.slice(-4)));
  return [...new Set(keys)];
}

/**
 * Backfill for records written before search keys existed (and by seeds): pages of residents
 * without `searchKeys`, decrypted in memory only, keys written back. Each pass reads ≤ `batch`
 * documents; returns how many were updated.
 */
export async function backfillSearchKeys(db: Database, batch = 100): Promise<number> {
  const _ = db.command;
  let updated = 0;
  for (;;) {
    const { data } = await db
      .collection(COLLECTIONS.residents)
      .where({ searchKeys: _.exists(false) })
      .field({ name: true, idEnc: true, mobileEnc: true })
      .limit(batch)
      .get();
    const rows = data as { _id: string; name: string; idEnc?: string; mobileEnc?: string }[];
    if (rows.length === 0) return updated;
    for (const r of rows) {
      const idNumber = r.idEnc ? decryptPii(r.idEnc) : '';
      const keys = idNumber
        ? searchKeysFor({ name: r.name, idNumber, mobile: r.mobileEnc ? decryptPii(r.mobileEnc) : undefined })
        : [];
      await db.collection(COLLECTIONS.residents).doc(r._id).update({ searchKeys: keys });
      updated++;
    }
  }
}
