import { z } from '../../api/zod';

export const REGION_LEVELS = ['district', 'township', 'village', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A `regions` document: district → township → village/community → grid, with its ancestor path. */
export const ZRegionDoc = z.object({
  _id: z.string(),
  level: z.enum(REGION_LEVELS),
  name: z.string(),
  parentId: z.string().nullable(),
  /** Ancestor ids from the district down (a grid's path is [district, township, village]). */
  path: z.array(z.string()),
});
export type RegionDoc = z.infer<typeof ZRegionDoc>;
