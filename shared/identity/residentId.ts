import type { ErrorCode } from '../constants/errors';
import { type Day, isValidDay, shanghaiDay } from '../time';

/**
 * Chinese resident identity number, GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character (0–9 or X).
 * Example (the standard's own, written in groups so no real-format number sits in source):
 * 110105·19491231·002·X → Beijing (110105), born 1949-12-31, sequence 002 → female.
 */
export type Sex = 'male' | 'female';
export type ResidentIdFacts = { idNumber: string; regionCode: string; birthDate: Day; sex: Sex };
export type IdErrorCode = Extract<
  ErrorCode,
  'ID_FORMAT' | 'ID_REGION' | 'ID_DATE' | 'ID_FUTURE' | 'ID_CHECKSUM'
>;
export type IdResult = { ok: true; value: ResidentIdFacts } | { ok: false; code: IdErrorCode };

// Weight of position i is 2^(17-i) mod 11; the remainder of the weighted sum picks the check char.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes in use (GB/T 2260), including Taiwan 71, Hong Kong 81 and Macao 82. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
]);

/** The check character for the first 17 digits: 110105·19491231·002 → 'X'. */
export const idCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
};

/** Uppercases a trailing x and trims spaces, so '…002x ' reads as '…002X'. */
export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase();

/** Checks everything that does not need a clock: shape, region, calendar date, check character. */
export const parseIdNumberShape = (raw: string): IdResult => {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, code: 'ID_FORMAT' };
  // Region shape: a real province, and city/county parts that are not both zero ("110000" is a
  // province, not a place where people are registered).
  if (!PROVINCE_CODES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000')
    return { ok: false, code: 'ID_REGION' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDay(birthDate)) return { ok: false, code: 'ID_DATE' };
  if (idCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { ok: false, code: 'ID_CHECKSUM' };
  const sex: Sex = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { idNumber: id, regionCode: id.slice(0, 6), birthDate, sex } };
};

/** Full check at `now`: shape rules plus a birth date not after today in Asia/Shanghai. */
export const parseIdNumber = (raw: string, now: Date): IdResult => {
  const r = parseIdNumberShape(raw);
  if (!r.ok) return r;
  return r.value.birthDate > shanghaiDay(now) ? { ok: false, code: 'ID_FUTURE' } : r;
};

/** Masks for display and logs: 110105·19491231·002·X → 1101**********002X (first 4, last 4). */
export const maskIdNumber = (id: string): string => {
  const s = normalizeIdNumber(id);
  return s.length <= 8 ? '*'.repeat(s.length) : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
};
