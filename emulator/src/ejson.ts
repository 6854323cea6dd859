import { BSONRegExp, EJSON } from 'bson';
import { jsonDepth, MAX_JSON_DEPTH } from './json';

/** A document as stored: plain objects/arrays with Dates, numbers, strings and a few BSON value types. */
export type Doc = Record<string, unknown>;

/** Thrown for input the emulator refuses; `code` goes to the SDK verbatim. */
export class EmuError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SERVER_DATE = '$tcb_server_date';

/** Removes JS-only regex flags (g, y) that the bson parser refuses; MongoDB has no use for them. */
function stripRegexFlags(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = stripRegexFlags(v[i]);
    return v;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const re = o.$regularExpression as { options?: unknown } | undefined;
    if (re && typeof re === 'object' && typeof re.options === 'string') {
      re.options = re.options.replace(/[gy]/g, '');
    }
    if (typeof o.$regex === 'string' && typeof o.$options === 'string') {
      o.$options = o.$options.replace(/[gy]/g, '');
    }
    for (const k of Object.keys(o)) o[k] = stripRegexFlags(o[k]);
  }
  return v;
}

/**
 * Post-decode pass: BSONRegExp → RegExp (mingo evaluates JS RegExps), `$tcb_server_date` → the
 * emulator's (possibly shifted) time, and invalid dates rejected as bad EJSON.
 */
function finish(v: unknown, nowMs: number): unknown {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new EmuError('INVALID_PARAM', 'bad EJSON: invalid $date');
    return v;
  }
  if (v instanceof BSONRegExp) {
    try {
      return new RegExp(v.pattern, v.options.replace(/[^imsu]/g, ''));
    } catch {
      throw new EmuError('INVALID_PARAM', `bad EJSON: invalid regular expression /${v.pattern}/`);
    }
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = finish(v[i], nowMs);
    return v;
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o = v as Record<string, unknown>;
    const marker = o[SERVER_DATE];
    if (marker !== undefined && Object.keys(o).length === 1) {
      const offset = Number((marker as { offset?: unknown } | null)?.offset ?? 0);
      return new Date(nowMs + (Number.isFinite(offset) ? offset : 0));
    }
    for (const k of Object.keys(o)) o[k] = finish(o[k], nowMs);
  }
  return v;
}

/** Decodes one EJSON string from the SDK into engine values; malformed input → INVALID_PARAM. */
export function decode(text: unknown, nowMs: number, what = 'value'): unknown {
  if (typeof text !== 'string') throw new EmuError('INVALID_PARAM', `bad EJSON: ${what} must be a string`);
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new EmuError('INVALID_PARAM', `bad EJSON: ${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new EmuError('INVALID_PARAM', `bad EJSON: ${what} is not valid JSON`);
  }
  return decodeValue(raw, nowMs, what);
}

/** Like decode() for an already JSON-parsed value. */
export function decodeValue(raw: unknown, nowMs: number, what = 'value'): unknown {
  let v: unknown;
  try {
    v = EJSON.deserialize(stripRegexFlags(raw) as Doc, { relaxed: true });
  } catch (e) {
    throw new EmuError('INVALID_PARAM', `bad EJSON in ${what}: ${(e as Error).message}`);
  }
  return finish(v, nowMs);
}

/** Decodes and requires a plain object (documents, queries, update specs). */
export function decodeObject(text: unknown, nowMs: number, what: string): Doc {
  const v = decode(text, nowMs, what);
  if (!isPlainObject(v)) throw new EmuError('INVALID_PARAM', `${what} must be an object`);
  return v;
}

/**
 * Fast decoder for relaxed EJSON the emulator itself wrote (log and snapshot): handles the common
 * wrappers inline and defers anything unusual to the bson parser. About 10× faster than
 * EJSON.deserialize on typical documents, which is most of the startup time.
 */
export function fromStored(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = fromStored(v[i]);
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (k.charCodeAt(0) === 36 /* $ */) {
      if (k === '$date') {
        const d = o.$date;
        if (typeof d === 'string') return new Date(d);
        const n = (d as { $numberLong?: string } | null)?.$numberLong;
        if (typeof n === 'string') return new Date(Number(n));
      } else if (k === '$numberDouble' || k === '$numberInt' || k === '$numberLong') {
        return Number(o[k]);
      }
      return EJSON.deserialize(o, { relaxed: true });
    }
    break;
  }
  for (const k in o) o[k] = fromStored(o[k]);
  return o;
}

/** Encodes a stored value for the wire (relaxed EJSON: the SDK parses it with EJSON.parse). */
export function encode(v: unknown): string {
  return EJSON.stringify(v as Doc, { relaxed: true });
}

export function isPlainObject(v: unknown): v is Doc {
  return !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Deep copy of plain objects/arrays/Dates; other values (BSON types, RegExp) are immutable in
 * practice and shared. Cheaper than structuredClone and keeps BSON prototypes.
 */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}
