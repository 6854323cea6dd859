import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { Query } from 'mingo';
import { clone, type Doc, decodeValue, EmuError, fromStored } from './ejson';
import { equalities, HashIndex, type IndexDef, keyOf } from './indexes';
import { Wal, writeFileAtomic } from './wal';

/** A stored document and the commit sequence number that wrote it. */
type Rec = { doc: Doc; seq: number };

/** One write of a commit: a full new document, or null for a delete. */
export type WriteOp = { c: string; id: string; doc: Doc | null };

type Version = { seq: number; doc: Doc | null };

class Collection {
  readonly docs = new Map<string, Rec>();
  readonly indexes: HashIndex[] = [];
  constructor(readonly name: string) {}
}

/** How long a transaction may live (a write to a locked document never waits: it conflicts). */
const TXN_LIFETIME_MS = 60_000;
/** Compact the log into a snapshot once it grows past this. */
const COMPACT_BYTES = 64 * 1024 * 1024;

export class Txn {
  snapshot: number | null = null;
  readonly locks = new Set<string>();
  readonly writes = new Map<string, WriteOp>();
  done = false;
  timer: NodeJS.Timeout | null = null;
  constructor(readonly id: string) {}
}

type Lock = { owner: Txn };

const lockKey = (c: string, id: string) => `${c}\u0000${id}`;
const conflict = () =>
  new EmuError('DATABASE_TRANSACTION_CONFLICT', 'transaction conflict: a document was written concurrently');

/** Generates ids in the CloudBase shape (32 hex chars); *our choice*, see CLOUDBASE_WIRE.md. */
export function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/**
 * The embedded database: all documents in memory, hash indexes, a durable log, snapshot
 * transactions. Every mutation goes through commit() so indexes, uniqueness, durability and
 * transaction bookkeeping are in one place.
 */
export class Store {
  private readonly colls = new Map<string, Collection>();
  private readonly indexDefs: IndexDef[];
  private wal!: Wal;
  private seq = 0;
  private readonly txns = new Map<string, Txn>();
  private readonly locks = new Map<string, Lock>();
  /** Old versions kept while any transaction is active, so it can read its snapshot. */
  private history = new Map<string, Version[]>();
  private readonly snapshotFile: string;
  private readonly logFile: string;
  private compactQueued = false;
  /** Count of full-collection scans (tests assert indexed look-ups do not scan). */
  scans = 0;

  constructor(
    private readonly dir: string,
    indexDefs: IndexDef[],
  ) {
    this.indexDefs = indexDefs;
    this.snapshotFile = path.join(dir, 'db.snapshot.jsonl');
    this.logFile = path.join(dir, 'db.log.jsonl');
  }

  /** Loads snapshot + log, rebuilds indexes; returns load statistics. */
  open(precreate: readonly string[]): { docs: number; logRecords: number; droppedBytes: number } {
    fs.mkdirSync(this.dir, { recursive: true });
    let docs = 0;
    if (fs.existsSync(this.snapshotFile)) {
      const text = fs.readFileSync(this.snapshotFile, 'utf8');
      let pos = 0;
      let first = true;
      while (pos < text.length) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0) nl = text.length;
        const line = text.slice(pos, nl);
        pos = nl + 1;
        if (!line) continue;
        if (first) {
          const head = JSON.parse(line) as { seq: number; collections: string[] };
          this.seq = head.seq;
          for (const c of head.collections) this.ensureColl(c);
          first = false;
          continue;
        }
        const [c, raw] = JSON.parse(line) as [string, Doc];
        const doc = fromStored(raw) as Doc;
        this.ensureColl(c).docs.set(String(doc._id), { doc, seq: 0 });
        docs++;
      }
    }
    const snapSeq = this.seq;
    const { records, droppedBytes } = Wal.replay(this.logFile, (r) => {
      const rec = r as { s: number; o?: [string, string, Doc | null][]; cc?: string };
      if (rec.s <= snapSeq) return;
      this.seq = rec.s;
      if (rec.cc) this.ensureColl(rec.cc);
      for (const [c, id, raw] of rec.o ?? []) {
        const coll = this.ensureColl(c);
        if (raw === null) coll.docs.delete(id);
        else coll.docs.set(id, { doc: fromStored(raw) as Doc, seq: rec.s });
      }
    });
    for (const c of precreate) this.ensureColl(c);
    for (const coll of this.colls.values()) this.buildIndexes(coll);
    this.wal = new Wal(this.logFile);
    if (this.wal.bytes > COMPACT_BYTES / 4) this.compact();
    return { docs, logRecords: records, droppedBytes };
  }

  close(): void {
    for (const t of this.txns.values()) this.abort(t);
    this.wal.close();
  }

  private ensureColl(name: string): Collection {
    let c = this.colls.get(name);
    if (!c) {
      c = new Collection(name);
      this.colls.set(name, c);
    }
    return c;
  }

  private buildIndexes(coll: Collection): void {
    coll.indexes.length = 0;
    for (const def of this.indexDefs) {
      if (def.collection !== coll.name) continue;
      const idx = new HashIndex(def);
      for (const [id, rec] of coll.docs) idx.add(id, rec.doc);
      coll.indexes.push(idx);
    }
  }

  collectionNames(): string[] {
    return [...this.colls.keys()].sort();
  }

  hasCollection(name: string): boolean {
    return this.colls.has(name);
  }

  size(name: string): number {
    return this.colls.get(name)?.docs.size ?? 0;
  }

  indexesOf(name: string): IndexDef[] {
    return (this.colls.get(name)?.indexes ?? []).map((i) => i.def);
  }

  /** The collection or DATABASE_COLLECTION_NOT_EXIST, as CloudBase answers for an unknown name. */
  private coll(name: unknown): Collection {
    if (typeof name !== 'string' || !name) throw new EmuError('INVALID_PARAM', 'collectionName is required');
    const c = this.colls.get(name);
    if (!c) throw new EmuError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return c;
  }

  requireCollection(name: unknown): void {
    this.coll(name);
  }

  /** createCollection: idempotent here (the real service answers an error for an existing one). */
  async createCollection(name: string): Promise<boolean> {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) {
      throw new EmuError('INVALID_PARAM', `invalid collection name ${JSON.stringify(name)}`);
    }
    if (this.colls.has(name)) return false;
    const c = this.ensureColl(name);
    this.buildIndexes(c);
    this.seq++;
    await this.wal.append(JSON.stringify({ s: this.seq, cc: name }));
    return true;
  }

  // ---------------------------------------------------------------- reads

  /**
   * Candidate records for a query: from the _id map or a hash index when the query pins every
   * field of one, else the whole collection (counted in `scans`).
   */
  private candidates(c: Collection, query: Doc): Iterable<Rec> {
    const eq = equalities(query);
    const ids = eq.get('_id');
    if (ids) {
      const out: Rec[] = [];
      for (const id of new Set(ids.map(String))) {
        const r = c.docs.get(id);
        if (r) out.push(r);
      }
      return out;
    }
    let best: Set<string> | null = null;
    for (const idx of c.indexes) {
      if (!idx.fields.every((f) => eq.has(f))) continue;
      // Cartesian product of $in alternatives over the index fields, as index keys.
      let keys: string[] = [''];
      for (let f = 0; f < idx.fields.length; f++) {
        const vals = eq.get(idx.fields[f]!)!;
        const next: string[] = [];
        for (const k of keys) {
          for (const v of vals) next.push(f === 0 ? keyOf(v) : `${k}\u0001${keyOf(v)}`);
        }
        keys = next;
      }
      const found = new Set<string>();
      for (const k of keys) for (const id of idx.map.get(k) ?? []) found.add(id);
      if (!best || found.size < best.size) best = found;
    }
    if (best) {
      const out: Rec[] = [];
      for (const id of best) {
        const r = c.docs.get(id);
        if (r) out.push(r);
      }
      return out;
    }
    this.scans++;
    return c.docs.values();
  }

  private compile(query: Doc): Query {
    try {
      return new Query(query, {});
    } catch (e) {
      throw new EmuError('INVALID_PARAM', `bad query: ${(e as Error).message}`);
    }
  }

  /** Matching documents (not copies: callers must only encode them). */
  match(name: string, query: Doc, stopAfter = Infinity, txn?: Txn): Doc[] {
    const c = this.coll(name);
    const q = this.compile(query);
    const out: Doc[] = [];
    const source: Iterable<Doc> = txn ? this.txnView(txn, c) : mapDocs(this.candidates(c, query));
    try {
      for (const doc of source) {
        if (q.test(doc)) {
          out.push(doc);
          if (out.length >= stopAfter) break;
        }
      }
    } catch (e) {
      throw new EmuError('INVALID_PARAM', `bad query: ${(e as Error).message}`);
    }
    return out;
  }

  count(name: string, query: Doc): number {
    return this.match(name, query).length;
  }

  /** All documents of a collection (for aggregation). */
  all(name: string): Doc[] {
    this.scans++;
    return [...mapDocs(this.coll(name).docs.values())];
  }

  getById(name: string, id: string): Doc | null {
    return this.coll(name).docs.get(id)?.doc ?? null;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Applies a batch atomically: checks unique indexes against the final state of the batch, then
   * updates memory and indexes, then waits for the log record to be on disk.
   */
  async commit(ops: WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    this.checkUnique(ops);
    this.seq++;
    const seq = this.seq;
    const rec: [string, string, Doc | null][] = [];
    for (const op of ops) {
      this.apply(op, seq);
      rec.push([op.c, op.id, op.doc]);
    }
    const line = EJSON.stringify({ s: seq, o: rec }, { relaxed: true });
    const p = this.wal.append(line);
    if (this.wal.bytes > COMPACT_BYTES && !this.compactQueued) {
      this.compactQueued = true;
      p.then(() => this.compact())
        .catch(() => undefined)
        .finally(() => {
          this.compactQueued = false;
        });
    }
    await p;
  }

  private checkUnique(ops: WriteOp[]): void {
    const finals = new Map<string, WriteOp>();
    for (const op of ops) finals.set(lockKey(op.c, op.id), op);
    const claimed = new Map<string, string>();
    for (const op of finals.values()) {
      if (!op.doc) continue;
      const c = this.coll(op.c);
      for (const idx of c.indexes) {
        if (!idx.def.unique) continue;
        for (const k of idx.keysFor(op.doc)) {
          const claimKey = `${op.c}\u0000${idx.def.name}\u0000${k}`;
          const prev = claimed.get(claimKey);
          if (prev !== undefined && prev !== op.id) throw dup(op.c, idx.def);
          claimed.set(claimKey, op.id);
          for (const other of idx.map.get(k) ?? []) {
            if (other === op.id || finals.has(lockKey(op.c, other))) continue;
            throw dup(op.c, idx.def);
          }
        }
      }
    }
  }

  private apply(op: WriteOp, seq: number): void {
    const c = this.coll(op.c);
    const old = c.docs.get(op.id);
    if (this.txns.size > 0) {
      const k = lockKey(op.c, op.id);
      let h = this.history.get(k);
      if (!h) {
        h = [{ seq: old?.seq ?? 0, doc: old?.doc ?? null }];
        this.history.set(k, h);
      }
      h.push({ seq, doc: op.doc });
    }
    if (old) for (const idx of c.indexes) idx.remove(op.id, old.doc);
    if (op.doc === null) {
      c.docs.delete(op.id);
      return;
    }
    c.docs.set(op.id, { doc: op.doc, seq });
    for (const idx of c.indexes) idx.add(op.id, op.doc);
  }

  /** Rewrites the whole state as a snapshot and empties the log. */
  compact(): void {
    this.wal.flush();
    writeFileAtomic(this.snapshotFile, (fd) => {
      fs.writeSync(fd, `${JSON.stringify({ v: 1, seq: this.seq, collections: this.collectionNames() })}\n`);
      let buf: string[] = [];
      for (const c of this.colls.values()) {
        for (const rec of c.docs.values()) {
          buf.push(`${EJSON.stringify([c.name, rec.doc], { relaxed: true })}\n`);
          if (buf.length >= 2000) {
            fs.writeSync(fd, buf.join(''));
            buf = [];
          }
        }
      }
      if (buf.length) fs.writeSync(fd, buf.join(''));
    });
    this.wal.truncate();
  }

  // ---------------------------------------------------------------- transactions

  begin(): Txn {
    const t = new Txn(newId());
    t.timer = setTimeout(() => this.abort(t), TXN_LIFETIME_MS);
    t.timer.unref();
    this.txns.set(t.id, t);
    return t;
  }

  txn(id: unknown): Txn {
    const t = typeof id === 'string' ? this.txns.get(id) : undefined;
    if (!t || t.done) {
      throw new EmuError('DATABASE_TRANSACTION_FAIL', 'transaction not found, already finished or expired');
    }
    return t;
  }

  /**
   * Takes the write lock of a document for a transaction and fixes its snapshot at the first
   * access, as MongoDB does. As on CloudBase, a document locked by another transaction fails the
   * write AT ONCE with DATABASE_TRANSACTION_CONFLICT (the transaction is finished); there is no
   * waiting, so callers retry with back-off (cloudfunctions/_lib/db.ts inTransaction).
   */
  lock(t: Txn, c: string, id: string): void {
    this.coll(c);
    const k = lockKey(c, id);
    if (!t.locks.has(k)) {
      const held = this.locks.get(k);
      if (held && held.owner !== t) {
        this.abort(t);
        throw conflict();
      }
      this.locks.set(k, { owner: t });
      t.locks.add(k);
    }
    if (t.snapshot === null) t.snapshot = this.seq;
  }

  /** A read inside a transaction: no lock (reads never block or conflict), snapshot fixed. */
  readAccess(t: Txn, c: string): void {
    this.coll(c);
    if (t.snapshot === null) t.snapshot = this.seq;
  }

  /** A document as the transaction sees it: its own writes, else its snapshot. */
  txnRead(t: Txn, c: string, id: string): Doc | null {
    const k = lockKey(c, id);
    const w = t.writes.get(k);
    if (w) return w.doc;
    return this.readAt(c, id, t.snapshot ?? this.seq);
  }

  private readAt(c: string, id: string, snap: number): Doc | null {
    const h = this.history.get(lockKey(c, id));
    if (h) {
      for (let i = h.length - 1; i >= 0; i--) if (h[i]!.seq <= snap) return h[i]!.doc;
      return null;
    }
    return this.coll(c).docs.get(id)?.doc ?? null;
  }

  /** Buffers a write; a document committed by someone else since the snapshot is a conflict. */
  txnWrite(t: Txn, op: WriteOp): void {
    const k = lockKey(op.c, op.id);
    const cur = this.coll(op.c).docs.get(op.id);
    if ((cur?.seq ?? 0) > (t.snapshot ?? this.seq) || this.deletedSince(k, t.snapshot ?? this.seq)) {
      this.abort(t);
      throw conflict();
    }
    t.writes.set(k, op);
  }

  private deletedSince(k: string, snap: number): boolean {
    const h = this.history.get(k);
    return !!h && h[h.length - 1]!.seq > snap;
  }

  /** Documents of a collection as a transaction sees them (used by where().get() inside one). */
  private *txnView(t: Txn, c: Collection): Iterable<Doc> {
    const snap = t.snapshot ?? this.seq;
    const seen = new Set<string>();
    for (const [id] of c.docs) {
      seen.add(id);
      const d = this.txnRead(t, c.name, id);
      if (d) yield d;
    }
    const prefix = `${c.name}\u0000`;
    for (const k of [...this.history.keys(), ...t.writes.keys()]) {
      if (!k.startsWith(prefix)) continue;
      const id = k.slice(prefix.length);
      if (seen.has(id)) continue;
      seen.add(id);
      const d = t.writes.has(k) ? t.writes.get(k)!.doc : this.readAt(c.name, id, snap);
      if (d) yield d;
    }
  }

  async commitTxn(t: Txn): Promise<void> {
    const snap = t.snapshot ?? this.seq;
    for (const [k, op] of t.writes) {
      const cur = this.coll(op.c).docs.get(op.id);
      if ((cur?.seq ?? 0) > snap || this.deletedSince(k, snap)) {
        this.abort(t);
        throw conflict();
      }
    }
    try {
      this.checkUnique([...t.writes.values()]);
    } catch (e) {
      this.abort(t);
      throw e;
    }
    const ops = [...t.writes.values()];
    this.finish(t);
    await this.commit(ops);
  }

  abort(t: Txn): void {
    this.finish(t);
  }

  /** Frees a document lock held by the transaction. */
  private release(t: Txn, k: string): void {
    if (this.locks.get(k)?.owner === t) this.locks.delete(k);
  }

  private finish(t: Txn): void {
    if (t.done) return;
    t.done = true;
    if (t.timer) clearTimeout(t.timer);
    this.txns.delete(t.id);
    for (const k of t.locks) this.release(t, k);
    if (this.txns.size === 0) this.history = new Map();
  }
}

function* mapDocs(recs: Iterable<Rec>): Iterable<Doc> {
  for (const r of recs) yield r.doc;
}

function dup(c: string, def: IndexDef): EmuError {
  return new EmuError(
    'DATABASE_DUPLICATE_WRITE',
    `duplicate key: unique index ${def.name} on ${c} (${Object.keys(def.keys).join(', ')})`,
  );
}

/** Re-exported so handlers decode with the same rules. */
export { clone, decodeValue };
