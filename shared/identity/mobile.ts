/**
 * Mainland China mobile numbers: 11 digits starting 1[3-9]. A leading +86 / 86 and spaces or
 * dashes are tolerated on input: '+86 138-1234-5678' normalises to '13812345678'.
 */
const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Strips separators and the country code; returns the bare 11 digits (possibly still invalid). */
export const normalizeMobile = (raw: string): string => {
  const digits = raw.replace(/[\s-]/g, '');
  const bare = digits.startsWith('+86') ? digits.slice(3) : digits;
  return bare.length === 13 && bare.startsWith('86') ? bare.slice(2) : bare;
};

/** True for a valid mainland mobile number after normalising. */
export const isMobile = (raw: string): boolean => MOBILE_RE.test(normalizeMobile(raw));

/** Masks the middle four digits: 13812345678 → 138****5678. */
export const maskMobile = (raw: string): string => {
  const m = normalizeMobile(raw);
  return m.length === 11 ? `${m.slice(0, 3)}****${m.slice(7)}` : '*'.repeat(m.length);
};
