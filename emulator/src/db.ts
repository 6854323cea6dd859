import { Aggregator, find } from 'mingo';
import { clone, type Doc, decode, decodeObject, EmuError, encode, isPlainObject } from './ejson';
import { keyOf } from './indexes';
import { newId, type Store, type Txn, type WriteOp } from './store';
import { applyOperators, isOperatorUpdate, validateUpdate } from './update';

/** A request body as the SDK sends it (fields vary by action). */
export type Body = Record<string, unknown>;

/** SDK read limits: 100 when none is given, never more than 1,000 per request. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const invalid = (m: string) => new EmuError('INVALID_PARAM', m);

function int(v: unknown, name: string, dflt: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw invalid(`${name} must be a non-negative integer`);
  return n;
}

function queryOf(body: Body, now: number): Doc {
  if (body.query === undefined || body.query === null || body.query === '') return {};
  if (isPlainObject(body.query)) return decodeObject(JSON.stringify(body.query), now, 'query');
  return decodeObject(body.query, now, 'query');
}

function docIdOf(query: Doc): string {
  const id = query._id;
  if (typeof id === 'string' && id) return id;
  if (typeof id === 'number') return String(id);
  throw invalid('a DOC query needs an _id');
}

/** Database actions of the wire protocol (CLOUDBASE_WIRE.md), one method per action. */
export class DbActions {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Runs one `database.*` action; returns the response body (without requestId). */
  async handle(action: string, body: Body): Promise<Body> {
    switch (action) {
      case 'database.insertDocument':
        return this.insert(body);
      case 'database.getDocument':
        return this.get(body);
      case 'database.calculateDocument':
        return this.countDocs(body);
      case 'database.modifyDocument':
        return this.modify(body);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(body);
      case 'database.removeDocument':
        return this.remove(body);
      case 'database.aggregateDocuments':
        return this.aggregate(body);
      case 'database.addCollection':
        return this.addCollection(body);
      case 'database.startTransaction':
        return { transactionId: this.store.begin().id };
      case 'database.commitTransaction':
        await this.store.commitTxn(this.store.txn(body.transactionId));
        return {};
      case 'database.abortTransaction':
        this.store.abort(this.store.txn(body.transactionId));
        return {};
      default:
        throw new EmuError('INVALID_ACTION', `unknown action ${action}`);
    }
  }

  private txnOf(body: Body): Txn | null {
    return body.transactionId ? this.store.txn(body.transactionId) : null;
  }

  private async insert(body: Body): Promise<Body> {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const now = this.now();
    const raw = typeof body.data === 'string' ? [body.data] : body.data;
    if (!Array.isArray(raw) || raw.length === 0) throw invalid('data must be a non-empty array of documents');
    const docs = raw.map((d, i) => {
      const doc = isPlainObject(d)
        ? decodeObject(JSON.stringify(d), now, `data[${i}]`)
        : decodeObject(d, now, `data[${i}]`);
      if (doc._id === undefined || doc._id === null) doc._id = newId();
      else if (typeof doc._id !== 'string' && typeof doc._id !== 'number')
        throw invalid('_id must be a string');
      return doc;
    });
    const ids = docs.map((d) => String(d._id));
    if (new Set(ids).size !== ids.length)
      throw new EmuError('DATABASE_DUPLICATE_WRITE', 'duplicate _id in one insert');
    const txn = this.txnOf(body);
    if (txn) {
      for (const d of docs) {
        const id = String(d._id);
        this.store.lock(txn, c, id);
        if (this.store.txnRead(txn, c, id)) throw dupId(c, id);
        this.store.txnWrite(txn, { c, id, doc: d });
      }
      return { data: { insertedIds: ids } };
    }
    for (const id of ids) if (this.store.getById(c, id)) throw dupId(c, id);
    await this.store.commit(docs.map((doc, i) => ({ c, id: ids[i]!, doc })));
    return { data: { insertedIds: ids } };
  }

  private async get(body: Body): Promise<Body> {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const now = this.now();
    const query = queryOf(body, now);
    const offset = int(body.offset, 'offset', 0);
    const limit = Math.min(int(body.limit, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
    const order = body.order ? decodeObject(body.order, now, 'order') : null;
    const projection = body.projection ? decodeObject(body.projection, now, 'projection') : null;
    if (order) {
      for (const [k, v] of Object.entries(order)) {
        if (v !== 1 && v !== -1) throw invalid(`order for ${k} must be 1 or -1`);
      }
    }
    const txn = this.txnOf(body);
    let matched: Doc[];
    if (txn && body.queryType === 'DOC') {
      const id = docIdOf(query);
      this.store.readAccess(txn, c);
      const d = this.store.txnRead(txn, c, id);
      matched = d ? [d] : [];
    } else {
      // Without a sort the scan can stop as soon as the page is full.
      const stop = order ? Infinity : offset + limit;
      matched = this.store.match(c, query, stop, txn ?? undefined);
    }
    let list: Doc[];
    try {
      let cur = find(matched, {}, projection ?? undefined);
      if (order && Object.keys(order).length) cur = cur.sort(order);
      list = cur.skip(offset).limit(limit).all() as Doc[];
    } catch (e) {
      throw invalid(`bad projection or order: ${(e as Error).message}`);
    }
    return { data: { list: list.map(encode) }, offset, limit };
  }

  private countDocs(body: Body): Body {
    const c = String(body.collectionName ?? '');
    return { data: { total: this.store.count(c, queryOf(body, this.now())) } };
  }

  /** New document for one target under set (replace) or update (operators / merge) semantics. */
  private updated(old: Doc | null, id: string, data: Doc, merge: boolean, now: number, query: Doc): Doc {
    const inserting = old === null;
    if (isOperatorUpdate(data)) {
      const base: Doc = inserting ? upsertSeed(query, id) : clone(old);
      applyOperators(base, data, now, inserting, query);
      if (String(base._id) !== id) throw new EmuError('DATABASE_REQUEST_FAILED', '_id is immutable');
      return base;
    }
    if ('_id' in data && String(data._id) !== id) throw invalid('_id cannot be changed');
    if (merge) {
      const base: Doc = inserting ? upsertSeed(query, id) : clone(old);
      applyOperators(base, { $set: data }, now, inserting, query);
      return base;
    }
    return { _id: inserting ? id : old._id, ...clone(data), ...(inserting ? {} : { _id: old._id }) };
  }

  private async modify(body: Body): Promise<Body> {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const now = this.now();
    const query = queryOf(body, now);
    const data = decodeObject(body.data, now, 'data');
    // Checked before matching so a bad update fails even when nothing matches.
    if (isOperatorUpdate(data)) validateUpdate({}, data);
    const merge = body.merge !== false;
    const upsert = body.upsert === true;
    const multi = body.multi === true && body.queryType !== 'DOC';
    const txn = this.txnOf(body);

    if (txn && body.queryType === 'DOC') {
      const id = docIdOf(query);
      this.store.lock(txn, c, id);
      const old = this.store.txnRead(txn, c, id);
      if (!old && !upsert) return { data: { updated: 0 } };
      const doc = this.updated(old, id, data, merge, now, query);
      this.store.txnWrite(txn, { c, id, doc });
      return old ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } };
    }

    const targets = this.store.match(c, query, multi ? Infinity : 1);
    if (targets.length === 0) {
      if (!upsert) return { data: { updated: 0 } };
      const id =
        body.queryType === 'DOC' ? docIdOf(query) : typeof query._id === 'string' ? query._id : newId();
      const doc = this.updated(null, id, data, merge, now, query);
      await this.store.commit([{ c, id, doc }]);
      return { data: { updated: 0, upsert_id: id } };
    }
    const ops: WriteOp[] = [];
    for (const old of targets) {
      const id = String(old._id);
      const doc = this.updated(old, id, data, merge, now, query);
      if (encode(doc) !== encode(old)) ops.push({ c, id, doc });
    }
    await this.store.commit(ops);
    return { data: { updated: ops.length } };
  }

  private async modifyAndReturn(body: Body): Promise<Body> {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const now = this.now();
    const query = queryOf(body, now);
    const data = decodeObject(body.data, now, 'data');
    const [old] = this.store.match(c, query, 1);
    if (!old) return { data: { updated: 0, doc: null } };
    const id = String(old._id);
    const doc = this.updated(old, id, data, true, now, query);
    const changed = encode(doc) !== encode(old);
    if (changed) await this.store.commit([{ c, id, doc }]);
    return { data: { updated: changed ? 1 : 0, doc: encode(doc) } };
  }

  private async remove(body: Body): Promise<Body> {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const query = queryOf(body, this.now());
    const txn = this.txnOf(body);
    if (txn && body.queryType === 'DOC') {
      const id = docIdOf(query);
      this.store.lock(txn, c, id);
      const old = this.store.txnRead(txn, c, id);
      if (!old) return { data: { deleted: 0 } };
      this.store.txnWrite(txn, { c, id, doc: null });
      return { data: { deleted: 1 } };
    }
    const multi = body.multi !== false && body.queryType !== 'DOC';
    const targets = this.store.match(c, query, multi ? Infinity : 1);
    await this.store.commit(targets.map((d) => ({ c, id: String(d._id), doc: null })));
    return { data: { deleted: targets.length } };
  }

  private aggregate(body: Body): Body {
    const c = String(body.collectionName ?? '');
    this.store.requireCollection(c);
    const now = this.now();
    if (!Array.isArray(body.stages)) throw invalid('stages must be an array');
    const pipeline: Doc[] = body.stages.map((s, i) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) {
        throw invalid(`stage ${i} must be {stageKey, stageValue}`);
      }
      return { [s.stageKey]: decode(s.stageValue, now, `stage ${s.stageKey}`) };
    });
    for (const st of pipeline) {
      const lk = st.$lookup as Doc | undefined;
      if (lk && typeof lk.from === 'string') this.store.requireCollection(lk.from);
    }
    // A leading $match goes through the index planner; only what it keeps is copied.
    let source: Doc[];
    let rest = pipeline;
    if (pipeline[0] && isPlainObject(pipeline[0].$match)) {
      source = this.store.match(c, pipeline[0].$match as Doc).map(clone);
      rest = pipeline.slice(1);
    } else source = this.store.all(c).map(clone);
    // MongoDB answers a {localField, foreignField} $lookup through the foreign index, touching only
    // the matching documents. For the $lookups that directly follow the leading $match (their
    // local values are known), hand mingo only the foreign documents whose foreignField is among
    // them — not a copy of the whole collection (stats: a team's figures at a million residents).
    const subsets = new Map<string, Doc[]>();
    if (rest !== pipeline) {
      for (const st of rest) {
        const lk = st.$lookup as Doc | undefined;
        if (!lk || typeof lk.from !== 'string' || typeof lk.localField !== 'string') break;
        if (typeof lk.foreignField !== 'string' || lk.pipeline || subsets.has(lk.from)) break;
        if (lk.localField.includes('.') || lk.foreignField.includes('.')) break;
        const local = lk.localField as string;
        const foreign = lk.foreignField as string;
        const wanted = new Set(source.map((d) => keyOf(d[local])));
        subsets.set(
          lk.from,
          this.store
            .all(lk.from)
            .filter((d) => wanted.has(keyOf(d[foreign])))
            .map(clone),
        );
      }
      // A later $lookup of the same collection sees other local values: give it the whole one.
      const leading = subsets.size;
      for (const st of rest.slice(leading)) {
        const from = (st.$lookup as Doc | undefined)?.from;
        if (typeof from === 'string') subsets.delete(from);
      }
    }
    let out: Doc[];
    try {
      const agg = new Aggregator(rest, {
        collectionResolver: (name: string) => subsets.get(name) ?? this.store.all(name).map(clone),
      });
      out = agg.run(source) as Doc[];
    } catch (e) {
      throw new EmuError('DATABASE_REQUEST_FAILED', `aggregate failed: ${(e as Error).message}`);
    }
    return { data: { list: out.map(encode) } };
  }

  private async addCollection(body: Body): Promise<Body> {
    const name = body.collectionName;
    if (typeof name !== 'string') throw invalid('collectionName is required');
    await this.store.createCollection(name);
    return {};
  }
}

/** The document an upsert starts from: the query's plain equality fields (MongoDB behaviour). */
function upsertSeed(query: Doc, id: string): Doc {
  const seed: Doc = { _id: id };
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.') || k === '_id') continue;
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) continue;
    seed[k] = clone(v);
  }
  return seed;
}

function dupId(c: string, id: string): EmuError {
  return new EmuError('DATABASE_DUPLICATE_WRITE', `duplicate key: _id ${id} already exists in ${c}`);
}
