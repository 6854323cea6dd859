import { EJSON, ObjectId } from 'bson';
import { Query } from 'mingo';
import { type Doc, isPlainObject } from './ejson';

/** Index declaration (same shape as shared/db/indexes.ts, but any collection name). */
export type IndexDef = {
  collection: string;
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  partialFilterExpression?: Record<string, unknown>;
};

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
  private readonly partial: Query | null;

  constructor(readonly def: IndexDef) {
    this.fields = Object.keys(def.keys);
    this.partial = def.partialFilterExpression ? new Query(def.partialFilterExpression, {}) : null;
  }

  get isPartial(): boolean {
    return this.partial !== null;
  }

  /** The keys a document occupies; [] when a partial filter excludes it. */
  keysFor(doc: Doc): string[] {
    if (this.partial && !this.partial.test(doc)) return [];
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
