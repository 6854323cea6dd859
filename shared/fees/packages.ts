import { zFen, zId } from '../api/fields';
import { z } from '../api/zod';
import { VALIDATION_MESSAGES as V } from '../constants/messages';
import { KEY_POPULATION_TAGS, STORED_TAGS } from '../constants/tags';

/** Basic = 基础服务包 (basic medical + health management); personalised = 个性化“菜单式”服务包, paid. */
export const PACKAGE_KINDS = ['basic', 'personalised'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** Tags a package may be restricted to: any key population or stored condition. */
export const PACKAGE_TAGS = [...new Set([...KEY_POPULATION_TAGS, ...STORED_TAGS])] as [string, ...string[]];

/**
 * A service package with its standard yearly fee in fen and the parts the funds pay (source 001:
 * "part paid by the resident, part by insurance / public-health funds"). The resident's part is
 * what remains: fee 12,000 − insurance 6,000 − public health 4,000 → resident 2,000 (20 元).
 */
export const ZServicePackage = z
  .object({
    _id: zId,
    kind: z.enum(PACKAGE_KINDS),
    name: z.string().trim().min(1).max(40),
    feeFen: zFen,
    insuranceFen: zFen,
    publicHealthFen: zFen,
    eligibleTags: z.array(z.enum(PACKAGE_TAGS)).default([]),
    services: z
      .array(
        z.object({
          code: z.string().min(1).max(40),
          name: z.string().min(1).max(40),
          timesPerYear: z.number().int().min(1).max(365),
        }),
      )
      .default([]),
  })
  .refine((p) => p.insuranceFen + p.publicHealthFen <= p.feeFen, { error: V.fen, path: ['feeFen'] });
export type TServicePackage = z.output<typeof ZServicePackage>;

/** Whether a package applies to a resident holding `tags` (empty eligibleTags = everyone). */
export const isEligible = (p: TServicePackage, tags: readonly string[]): boolean =>
  p.eligibleTags.length === 0 || p.eligibleTags.some((t) => tags.includes(t));
