import { update as mingoUpdate } from 'mingo';
import { type Doc, EmuError, isPlainObject } from './ejson';

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pop',
  '$pull',
  '$pullAll',
  '$bit',
  '$currentDate',
  '$setOnInsert',
]);

const failed = (message: string) => new EmuError('DATABASE_REQUEST_FAILED', message);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (isPlainObject(v)) return 'object';
  return typeof v;
}

/** What sits at a dot path, and whether a scalar on the way makes the path impossible to create. */
function resolve(doc: Doc, path: string): { exists: boolean; value: unknown; blockedBy?: string } {
  const segs = path.split('.');
  let cur: unknown = doc;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg))
        return { exists: false, value: undefined, blockedBy: segs.slice(0, i).join('.') };
      cur = cur[Number(seg)];
    } else if (isPlainObject(cur)) {
      if (!(seg in cur)) return { exists: false, value: undefined };
      cur = cur[seg];
    } else {
      return { exists: false, value: undefined, blockedBy: segs.slice(0, i).join('.') };
    }
  }
  return { exists: cur !== undefined, value: cur };
}

/** True when an update document uses operators ($set …) rather than being a replacement. */
export function isOperatorUpdate(data: Doc): boolean {
  const keys = Object.keys(data);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length > 0 && ops.length !== keys.length) {
    throw new EmuError('INVALID_PARAM', 'update mixes operators and plain fields');
  }
  return ops.length > 0;
}

/**
 * Rejects what MongoDB rejects and mingo silently ignores: unknown operators, $inc/$mul on
 * non-numbers, array operators on non-arrays, creating a field inside a scalar, and two operators
 * touching overlapping paths.
 */
export function validateUpdate(doc: Doc, spec: Doc): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(spec)) {
    if (!OPERATORS.has(op)) throw new EmuError('INVALID_PARAM', `unknown update operator ${op}`);
    if (!isPlainObject(fields)) throw new EmuError('INVALID_PARAM', `${op} needs an object argument`);
    for (const [path, arg] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.'))
        throw failed("Performing an update on the path '_id' would modify the immutable field '_id'");
      paths.push(path);
      if (op === '$rename') {
        if (typeof arg !== 'string') throw failed(`$rename target for '${path}' must be a string`);
        paths.push(arg);
      }
      if (path.split('.').some((s) => s.startsWith('$'))) continue; // positional: checked by the engine
      const { exists, value, blockedBy } = resolve(doc, path);
      if (
        blockedBy !== undefined &&
        op !== '$unset' &&
        op !== '$pull' &&
        op !== '$pullAll' &&
        op !== '$pop'
      ) {
        throw failed(`Cannot create field '${path}': '${blockedBy}' is not an object`);
      }
      switch (op) {
        case '$inc':
        case '$mul':
          if (typeof arg !== 'number')
            throw failed(`Cannot ${op} with non-numeric argument (field '${path}')`);
          if (exists && typeof value !== 'number') {
            throw failed(
              `Cannot apply ${op} to a value of non-numeric type ${typeName(value)} (field '${path}')`,
            );
          }
          break;
        case '$push':
        case '$addToSet':
          if (exists && !Array.isArray(value)) {
            throw failed(`The field '${path}' must be an array but is of type ${typeName(value)}`);
          }
          if (isPlainObject(arg) && '$each' in arg && !Array.isArray(arg.$each)) {
            throw failed(`The argument to $each in ${op} must be an array (field '${path}')`);
          }
          break;
        case '$pop':
          if (arg !== 1 && arg !== -1) throw failed(`$pop expects 1 or -1 (field '${path}')`);
          if (exists && !Array.isArray(value))
            throw failed(`Path '${path}' contains an element of non-array type ${typeName(value)}`);
          break;
        case '$pull':
        case '$pullAll':
          if (op === '$pullAll' && !Array.isArray(arg))
            throw failed(`$pullAll requires an array argument (field '${path}')`);
          if (exists && !Array.isArray(value))
            throw failed(`Cannot apply ${op} to a non-array value (field '${path}')`);
          break;
        case '$bit':
          if (exists && !Number.isInteger(value)) {
            throw failed(
              `Cannot apply $bit to a value of non-integral type ${typeName(value)} (field '${path}')`,
            );
          }
          break;
      }
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a === b || b.startsWith(`${a}.`))
      throw failed(`Updating the path '${b}' would create a conflict at '${a}'`);
  }
}

/**
 * Applies an operator update in place on a copy the caller owns. `$currentDate` uses the emulator
 * clock (mingo would use real time); `$setOnInsert` applies only when the update inserts.
 */
export function applyOperators(doc: Doc, spec: Doc, nowMs: number, inserting: boolean, query?: Doc): void {
  const s: Doc = { ...spec };
  const cd = s.$currentDate as Doc | undefined;
  delete s.$currentDate;
  const soi = s.$setOnInsert as Doc | undefined;
  delete s.$setOnInsert;
  const extraSet: Doc = {};
  if (cd) for (const k of Object.keys(cd)) extraSet[k] = new Date(nowMs);
  if (soi && inserting) Object.assign(extraSet, soi);
  if (Object.keys(extraSet).length) s.$set = { ...((s.$set as Doc | undefined) ?? {}), ...extraSet };
  validateUpdate(doc, s);
  try {
    // The query lets the positional `$` operator find the matched array element; the document
    // already matched it, so it never blocks the update (an upsert seed might not: none then).
    mingoUpdate(doc, s, undefined, inserting ? undefined : query, { cloneMode: 'deep' });
  } catch (e) {
    throw failed(`update failed: ${(e as Error).message}`);
  }
}
