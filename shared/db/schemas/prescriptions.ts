import { z } from '../../api/zod';

/** A long prescription (POLICY 004: ≤ 2 months) for a stable chronic patient. */
export const ZPrescriptionDoc = z.object({
  _id: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  startDay: z.string(),
  endDay: z.string(),
  long: z.boolean(),
  condition: z.string(),
  drugs: z.array(z.string()),
  at: z.date(),
  byUserId: z.string().optional(),
});
export type PrescriptionDoc = z.infer<typeof ZPrescriptionDoc>;
