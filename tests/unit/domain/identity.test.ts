import { zIdNumber, zMobile } from '@shared/api/fields';
import { parseWith } from '@shared/api/zod';
import { ERROR_MESSAGES } from '@shared/constants/messages';
import {
  isMobile,
  maskIdNumber,
  maskMobile,
  normalizeMobile,
  parseIdNumber,
  parseIdNumberShape,
} from '@shared/identity';
import fc from 'fast-check';

// Independent check-digit formula (ISO 7064 MOD 11-2 as (12 − Σ(aᵢ·2^(17−i)) mod 11) mod 11, 10 → X),
// written differently from the lookup table in shared/identity so the tests are not a copy of it.
const check = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
};
const withCheck = (first17: string) => first17 + check(first17);
const NOW = new Date('2026-11-25T04:00:00Z');

describe('POLICY 000 valid identity document (GB 11643 resident ID)', () => {
  it('accepts the textbook example and derives birth date and sex', () => {
    const r = parseIdNumber('11010519491231002X', NOW);
    expect(r).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('reads the 17th digit: odd is male, even is female', () => {
    for (let d = 0; d <= 9; d++) {
      const r = parseIdNumber(withCheck(`4403051990010112${d}`), NOW);
      expect(r.ok && r.value.sex).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it('accepts a lower-case x and surrounding spaces, normalising them', () => {
    const r = parseIdNumber(' 11010519491231002x ', NOW);
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });

  it.each([
    ['too short', '1101051949123100', 'ID_FORMAT'],
    ['letters', '11010519491231A02X', 'ID_FORMAT'],
    ['X not last', '1101051949123100X2', 'ID_FORMAT'],
    ['unknown province 99', withCheck('99010519491231002'), 'ID_REGION'],
    ['province-only code 110000', withCheck('11000019491231002'), 'ID_REGION'],
    ['29 Feb in a common year', withCheck('11010519490229002'), 'ID_DATE'],
    ['month 13', withCheck('11010519491331002'), 'ID_DATE'],
    ['before 1900', withCheck('11010518991231002'), 'ID_DATE'],
    ['wrong check digit', '110105194912310021', 'ID_CHECKSUM'],
  ])('rejects %s with %s', (_label, id, code) => {
    expect(parseIdNumber(id, NOW)).toEqual({ ok: false, code });
  });

  it('accepts 29 Feb in a leap year', () => {
    expect(parseIdNumber(withCheck('11010520000229002'), NOW).ok).toBe(true);
  });

  it('refuses a birth date after today in Asia/Shanghai, at the midnight edge', () => {
    const bornApr1 = withCheck('11010520260401001');
    // 2026-03-31T15:59Z is still 31 March in Shanghai: born tomorrow.
    expect(parseIdNumber(bornApr1, new Date('2026-03-31T15:59:59Z'))).toEqual({
      ok: false,
      code: 'ID_FUTURE',
    });
    // 16:00Z is already 1 April in Shanghai (though still 31 March in UTC): born today, valid.
    expect(parseIdNumber(bornApr1, new Date('2026-03-31T16:00:00Z')).ok).toBe(true);
  });

  it('masks to first four and last four: 1101**********002X', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
  });

  it('the zod field returns a Chinese field issue naming the failing rule', () => {
    const r = parseWith(zIdNumber, '110105194912310021');
    expect(r).toEqual({ ok: false, issues: [{ path: '', message: ERROR_MESSAGES.ID_CHECKSUM }] });
    expect(parseWith(zIdNumber, 42)).toEqual({
      ok: false,
      issues: [{ path: '', message: ERROR_MESSAGES.ID_FORMAT }],
    });
  });
});

describe('property: GB 11643 check digit', () => {
  const province = fc.constantFrom('11', '31', '33', '44', '51', '65', '81');
  const rest = fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  const birth = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-11-24T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
  const validId = fc.tuple(province, rest, birth, seq).map(([p, r, b, s]) => withCheck(p + r + b + s));

  it('every generated valid ID passes and yields its own birth date', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = parseIdNumber(id, NOW);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));
      }),
    );
  });

  it('any single-character change fails', () => {
    const chars = '0123456789X'.split('');
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...chars), (id, pos, ch) => {
        fc.pre(id[pos] !== ch && (pos === 17 || ch !== 'X'));
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(parseIdNumberShape(changed).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mainland mobile numbers', () => {
  it.each([
    ['13812345678', true],
    ['+86 138-1234-5678', true],
    ['8613812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['02112345678', false],
  ])('%s valid: %s', (raw, valid) => {
    expect(isMobile(raw)).toBe(valid);
  });

  it('normalises and masks the middle four digits: 138****5678', () => {
    expect(normalizeMobile('+86 138 1234 5678')).toBe('13812345678');
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('the zod field normalises or returns the Chinese message', () => {
    expect(parseWith(zMobile, '+8613812345678')).toEqual({ ok: true, data: '13812345678' });
    expect(parseWith(zMobile, '123')).toEqual({
      ok: false,
      issues: [{ path: '', message: ERROR_MESSAGES.MOBILE_FORMAT }],
    });
  });
});
