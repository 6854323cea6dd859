import { parseWith } from '@shared/api/zod';
import {
  DEFAULT_FEE_CONFIG,
  PACKAGE_KINDS,
  quotePackages,
  splitFee,
  type TServicePackage,
  ZFeeConfig,
  ZServicePackage,
} from '@shared/fees';
import fc from 'fast-check';

const basic: TServicePackage = {
  _id: 'basic',
  kind: 'basic',
  name: '基础包',
  feeFen: 12_000,
  insuranceFen: 6_000,
  publicHealthFen: 4_000,
  eligibleTags: [],
  services: [{ code: 'contact', name: '季度随访', timesPerYear: 4 }],
};
const htn: TServicePackage = {
  ...basic,
  _id: 'htn',
  kind: 'personalised',
  name: '高血压包',
  feeFen: 10_001,
  insuranceFen: 5_000,
  publicHealthFen: 0,
  eligibleTags: ['hypertension'],
};

describe('POLICY 001 fee split: resident / insurance / public-health funds', () => {
  it('the resident pays what the funds do not: 120 元 − 60 − 40 → 20 元', () => {
    expect(splitFee(basic, false)).toEqual({
      packageId: 'basic',
      name: '基础包',
      feeFen: 12_000,
      residentFen: 2_000,
      insuranceFen: 6_000,
      publicHealthFen: 4_000,
      waivedFen: 0,
    });
  });

  it('POLICY 001 poverty: the resident part is reduced, by default to zero, paid by public health', () => {
    expect(splitFee(basic, true)).toMatchObject({
      residentFen: 0,
      waivedFen: 2_000,
      publicHealthFen: 6_000,
      insuranceFen: 6_000,
    });
  });

  it('a partial reduction rounds in the resident’s favour: 5,001 fen at 50 % → pays 2,500', () => {
    const cfg = ZFeeConfig.parse({ povertyReductionPct: 50 });
    expect(splitFee(htn, true, cfg)).toMatchObject({ residentFen: 2_500, waivedFen: 2_501 });
  });

  it('every waiver payer receives the waived amount', () => {
    for (const waiverPaidBy of ZFeeConfig.shape.waiverPaidBy.unwrap().options) {
      const line = splitFee(basic, true, ZFeeConfig.parse({ waiverPaidBy }));
      expect(waiverPaidBy === 'insurance' ? line.insuranceFen : line.publicHealthFen).toBe(
        (waiverPaidBy === 'insurance' ? basic.insuranceFen : basic.publicHealthFen) + 2_000,
      );
    }
  });

  it('property: parts are non-negative integers that add up to the fee', () => {
    const pkg = fc
      .tuple(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }))
      .filter(([fee, ins, ph]) => ins + ph <= fee)
      .map(([feeFen, insuranceFen, publicHealthFen]) => ({
        ...basic,
        feeFen,
        insuranceFen,
        publicHealthFen,
      }));
    fc.assert(
      fc.property(pkg, fc.boolean(), fc.integer({ min: 0, max: 100 }), (p, poverty, pct) => {
        const l = splitFee(p, poverty, ZFeeConfig.parse({ povertyReductionPct: pct }));
        const parts = [l.residentFen, l.insuranceFen, l.publicHealthFen];
        for (const v of parts) expect(Number.isInteger(v) && v >= 0).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(p.feeFen);
      }),
    );
  });
});

describe('POLICY 000/003 basic package plus personalised menu packages', () => {
  it('needs exactly one basic package, for every package kind combination', () => {
    for (const kind of PACKAGE_KINDS) {
      const only = quotePackages([{ ...basic, kind }], []);
      expect(only.ok).toBe(kind === 'basic');
    }
    expect(quotePackages([basic, { ...basic, _id: 'b2' }], [])).toEqual({
      ok: false,
      code: 'BASIC_PACKAGE_REQUIRED',
    });
  });

  it('a personalised package is offered only to residents with one of its tags', () => {
    expect(quotePackages([basic, htn], ['diabetes'])).toEqual({ ok: false, code: 'PACKAGE_NOT_ELIGIBLE' });
    const q = quotePackages([basic, htn], ['elderly', 'hypertension']);
    expect(q.ok && q.value.total).toEqual({
      feeFen: 22_001,
      residentFen: 7_001,
      insuranceFen: 11_000,
      publicHealthFen: 4_000,
      waivedFen: 0,
    });
  });

  it('the poverty tag reduces every line of the quote', () => {
    const q = quotePackages([basic, htn], ['hypertension', 'poverty'], DEFAULT_FEE_CONFIG);
    expect(q.ok && q.value.total.residentFen).toBe(0);
  });

  it('a package whose funds exceed the fee is rejected with a Chinese field issue', () => {
    const r = parseWith(ZServicePackage, { ...basic, insuranceFen: 9_000 });
    expect(r.ok ? null : r.issues.map((i) => i.path)).toEqual(['feeFen']);
    const neg = parseWith(ZServicePackage, { ...basic, feeFen: -1 });
    expect(neg.ok ? null : neg.issues[0]?.message).toMatch(/分/);
  });
});
