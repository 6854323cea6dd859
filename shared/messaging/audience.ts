import { z } from '../api/zod';

/**
 * Who a push goes to: residents matching every given key (AND), each key a list of accepted values
 * (OR). Only indexed, stored resident fields, so the fan-out pages an indexed query.
 */
export const ZAudience = z
  .object({
    institutionIds: z.array(z.string().min(1)).min(1).max(50).optional(),
    teamIds: z.array(z.string().min(1)).min(1).max(50).optional(),
    gridIds: z.array(z.string().min(1)).min(1).max(200).optional(),
    tagsAny: z.array(z.string().min(1)).min(1).max(20).optional(),
    residentIds: z.array(z.string().min(1)).min(1).max(1000).optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), { message: 'audience needs one key' });
export type TAudience = z.infer<typeof ZAudience>;

/** The residents filter of an audience, as plain field → {$in} (the caller wraps with the SDK command). */
export function audienceFields(a: TAudience): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  if (a.institutionIds) out.institutionId = a.institutionIds;
  if (a.teamIds) out.teamId = a.teamIds;
  if (a.gridIds) out.gridId = a.gridIds;
  if (a.tagsAny) out.tags = a.tagsAny;
  if (a.residentIds) out._id = a.residentIds;
  return out;
}
