import type { ErrorCode } from '../constants/errors';
import { messageFor } from '../constants/messages';
import type { ActionDef, InputOf } from './define';
import { type Err, err, type FieldIssue } from './envelope';
import { parseWith } from './zod';

/** A failure envelope with the stable code's Chinese message: fail('SLOT_FULL') → 该时段已约满. */
export const fail = (code: ErrorCode, issues?: FieldIssue[]): Err => err(code, messageFor(code), issues);

/**
 * Parses an action's input: the parsed value, or BAD_INPUT with field issues in Chinese, e.g.
 * { path: 'idNumber', message: '身份证号校验位不正确，请核对' }.
 */
export const parseInput = <D extends ActionDef>(
  def: D,
  input: unknown,
): { ok: true; data: InputOf<D> } | Err => {
  const r = parseWith(def.input, input);
  return r.ok ? { ok: true, data: r.data as InputOf<D> } : fail('BAD_INPUT', r.issues);
};
