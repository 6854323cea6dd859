import { failure, type Result, success } from '../api/result';
import { z } from '../api/zod';
import { isEligible, type TServicePackage } from './packages';

/**
 * Regional fee policy (source 001: the poverty population may have its part reduced).
 * Default: the resident part is waived entirely for 建档立卡 residents and the waived amount is
 * borne by the public-health fund; regions set a smaller percentage or the insurance fund.
 */
export const ZFeeConfig = z.object({
  povertyReductionPct: z.number().int().min(0).max(100).default(100),
  waiverPaidBy: z.enum(['public_health', 'insurance']).default('public_health'),
});
export type TFeeConfig = z.output<typeof ZFeeConfig>;
export const DEFAULT_FEE_CONFIG: TFeeConfig = ZFeeConfig.parse({});

/** Who pays what for one package, in fen; the parts always add up to feeFen. */
export type FeeLine = {
  packageId: string;
  name: string;
  feeFen: number;
  residentFen: number;
  insuranceFen: number;
  publicHealthFen: number;
  waivedFen: number;
};
export type Quote = { lines: FeeLine[]; total: Omit<FeeLine, 'packageId' | 'name'> };

/**
 * Splits one package's fee. Rounding favours the resident: resident part 1,001 fen at 50 % →
 * 501 waived, resident pays 500.
 */
export const splitFee = (
  p: TServicePackage,
  poverty: boolean,
  cfg: TFeeConfig = DEFAULT_FEE_CONFIG,
): FeeLine => {
  const baseResident = p.feeFen - p.insuranceFen - p.publicHealthFen;
  const waivedFen = poverty ? Math.ceil((baseResident * cfg.povertyReductionPct) / 100) : 0;
  return {
    packageId: p._id,
    name: p.name,
    feeFen: p.feeFen,
    residentFen: baseResident - waivedFen,
    insuranceFen: p.insuranceFen + (cfg.waiverPaidBy === 'insurance' ? waivedFen : 0),
    publicHealthFen: p.publicHealthFen + (cfg.waiverPaidBy === 'public_health' ? waivedFen : 0),
    waivedFen,
  };
};

/**
 * The server's price for a selection: exactly one basic package, any number of personalised ones
 * the resident is eligible for (by tags at the signing day). The client never sends amounts.
 */
export const quotePackages = (
  selected: readonly TServicePackage[],
  residentTags: readonly string[],
  cfg: TFeeConfig = DEFAULT_FEE_CONFIG,
): Result<Quote, 'BASIC_PACKAGE_REQUIRED' | 'PACKAGE_NOT_ELIGIBLE'> => {
  if (selected.filter((p) => p.kind === 'basic').length !== 1) return failure('BASIC_PACKAGE_REQUIRED');
  if (selected.some((p) => !isEligible(p, residentTags))) return failure('PACKAGE_NOT_ELIGIBLE');
  const poverty = residentTags.includes('poverty');
  const lines = selected.map((p) => splitFee(p, poverty, cfg));
  const sum = (k: keyof Quote['total']) => lines.reduce((n, l) => n + l[k], 0);
  return success({
    lines,
    total: {
      feeFen: sum('feeFen'),
      residentFen: sum('residentFen'),
      insuranceFen: sum('insuranceFen'),
      publicHealthFen: sum('publicHealthFen'),
      waivedFen: sum('waivedFen'),
    },
  });
};
