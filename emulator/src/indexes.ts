import { EJSON, ObjectId } from 'bson';
import { type Doc, isPlainObject } from './ejson';

/**
 * Index declaration (same shape as shared/db/indexes.ts, but any collection name). CloudBase's
 * index API takes key fields (single or compound) and `unique` only, so that is all there is.
 */
export type IndexDef = {
  collection: string;
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
};

const INDEX_FIELDS = new Set(['collection', 'name', 'keys', 'unique']);

/**
 * Refuses at start-up what CloudBase cannot create (CLOUDBASE_WIRE.md "What real CloudBase
 * refuses"): any option besides keys and unique (partial filters, sparse, TTL, collation …),
 * empty or non-±1 keys, a non-boolean unique, a repeated name. Every problem is listed.
 */
export function validateIndexDefs(defs: readonly unknown[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of defs) {
    const d = (raw ?? {}) as Record<string, unknown>;
    const label = `${String(d.collection)}.${String(d.name)}`;
    const extra = Object.keys(d).filter((k) => !INDEX_FIELDS.has(k));
    if (extra.length) {
      problems.push(
        `index ${label} declares ${extra.join(', ')}: CloudBase indexes take only keys and unique (for "one X per Y while Z" use a lock document with a deterministic _id)`,
      );
    }
    if (typeof d.collection !== 'string' || typeof d.name !== 'string' || !d.name) {
      problems.push(`index ${label} needs a collection and a name`);
    }
    const keys = d.keys as Record<string, unknown> | undefined;
    if (!keys || typeof keys !== 'object' || Object.keys(keys).length === 0) {
      problems.push(`index ${label} has no keys`);
    } else {
      for (const [k, v] of Object.entries(keys)) {
        if (v !== 1 && v !== -1)
          problems.push(`index ${label} key ${k} must be 1 or -1 (found ${JSON.stringify(v)})`);
      }
    }
    if (d.unique !== undefined && typeof d.unique !== 'boolean')
      problems.push(`index ${label}: unique must be true or false`);
    if (seen.has(label)) problems.push(`index ${label} is declared twice`);
    seen.add(label);
  }
  if (problems.length) {
    throw new Error(
      `emulator start-up refused — index declarations CloudBase would refuse:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/**
 * Values found at a dot path, MongoDB style: arrays met on the way are traversed (multikey), a
 * missing value counts as null. Numeric segments on arrays are tried both as an index and as a
 * field of the elements, so the set is always a superset of what a query could match.
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (cur: unknown, segs: string[], i: number): void => {
    if (i === segs.length) {
      if (Array.isArray(cur)) {
        if (cur.length === 0) out.push(null);
        for (const el of cur) out.push(el);
      } else out.push(cur === undefined ? null : cur);
      return;
    }
    const seg = segs[i]!;
    if (Array.isArray(cur)) {
      if (/^\d+$/.test(seg)) walk(cur[Number(seg)], segs, i + 1);
      for (const el of cur) if (isPlainObject(el)) walk(el[seg], segs, i + 1);
      if (cur.length === 0) out.push(null);
      return;
    }
    if (isPlainObject(cur)) {
      walk(cur[seg], segs, i + 1);
      return;
    }
    out.push(null);
  };
  walk(doc, path.split('.'), 0);
  return out.length ? out : [null];
}

/** Index key for one scalar; equal values under MongoDB equality give equal keys. */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return 'z';
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${v === 0 ? 0 : v}`;
    case 'boolean':
      return `b${v}`;
    case 'bigint':
      return `n${v}`;
  }
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof ObjectId) return `o${v.toHexString()}`;
  return `j${EJSON.stringify(v as Doc, { relaxed: true })}`;
}

/** True for values an equality look-up can use an index for. */
export function isIndexableScalar(v: unknown): boolean {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    v instanceof Date ||
    v instanceof ObjectId
  );
}

/** An in-memory hash index: key → ids. Ordered scans are not indexed (sorting happens in memory). */
export class HashIndex {
  readonly fields: string[];
  readonly map = new Map<string, Set<string>>();

  constructor(readonly def: IndexDef) {
    this.fields = Object.keys(def.keys);
  }

  /**
   * The keys a document occupies. Every document occupies one: a missing field counts as null,
   * so a unique index admits one document without the field (as on CloudBase).
   */
  keysFor(doc: Doc): string[] {
    let keys = [''];
    for (let f = 0; f < this.fields.length; f++) {
      const vals = new Set(valuesAt(doc, this.fields[f]!).map(keyOf));
      const next: string[] = [];
      for (const k of keys) for (const v of vals) next.push(f === 0 ? v : `${k}\u0001${v}`);
      keys = next;
    }
    return keys;
  }

  add(id: string, doc: Doc): void {
    for (const k of this.keysFor(doc)) {
      let set = this.map.get(k);
      if (!set) {
        set = new Set();
        this.map.set(k, set);
      }
      set.add(id);
    }
  }

  remove(id: string, doc: Doc): void {
    for (const k of this.keysFor(doc)) {
      const set = this.map.get(k);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) this.map.delete(k);
    }
  }
}

/**
 * Equality conditions a query pins at top level (`f: v`, `f: {$eq: v}`, `f: {$in: [...]}`, also
 * inside a top-level `$and`). Only these can be answered from a hash index.
 */
export function equalities(query: Doc): Map<string, unknown[]> {
  const eq = new Map<string, unknown[]>();
  const visit = (q: Doc): void => {
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (k.startsWith('$')) continue;
      let vals: unknown[] | null = null;
      if (isIndexableScalar(v)) vals = [v];
      else if (isPlainObject(v)) {
        const ks = Object.keys(v);
        if (ks.length === 1 && ks[0] === '$eq' && isIndexableScalar(v.$eq)) vals = [v.$eq];
        if (ks.length === 1 && ks[0] === '$in' && Array.isArray(v.$in) && v.$in.every(isIndexableScalar)) {
          vals = v.$in as unknown[];
        }
      }
      if (vals && !eq.has(k)) eq.set(k, vals);
    }
  };
  visit(query);
  return eq;
}
