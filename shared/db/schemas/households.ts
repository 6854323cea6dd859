import { z } from '../../api/zod';

/** A `households` document: a door plate registered by a grid worker; its QR token is unique. */
export const ZHouseholdDoc = z.object({
  _id: z.string(),
  qrToken: z.string(),
  address: z.string().optional(),
  gridId: z.string().optional(),
  villageId: z.string().optional(),
  createdAt: z.date().optional(),
});
export type HouseholdDoc = z.infer<typeof ZHouseholdDoc>;
