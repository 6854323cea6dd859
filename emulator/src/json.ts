import { EmuError } from './ejson';

/**
 * Deepest nesting of objects and arrays accepted in any JSON the emulator parses (request bodies,
 * the SDK's EJSON strings, function events). MongoDB refuses documents nested deeper than 100;
 * a hostile 100,000-deep body would otherwise run recursive code (decoders, structured clone,
 * validators) into stack overflows or long stalls inside a worker.
 */
export const MAX_JSON_DEPTH = 100;

/** Nesting depth of a JSON text, scanning once without recursion (strings skipped). */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * JSON.parse with the depth cap: too deep → INVALID_PARAM naming the limit; malformed →
 * INVALID_PARAM with `malformed`.
 */
export function parseJsonCapped(
  text: string,
  what: string,
  malformed = `${what} is not valid JSON`,
): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new EmuError('INVALID_PARAM', `${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EmuError('INVALID_PARAM', malformed);
  }
}
