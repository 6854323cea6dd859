import { z } from '../../api/zod';

/**
 * A `slots` document: the seat counter of one generated slot (`_id` = slot id). It is the one
 * document concurrent bookers contend on; created by the first booking's transaction.
 */
export const ZSlotDoc = z.object({
  _id: z.string(),
  teamId: z.string(),
  day: z.string(),
  booked: z.number().int().min(0),
  /** Seats held by residents not signed to the team (they may use only the open share). */
  unsignedBooked: z.number().int().min(0),
});
export type SlotDoc = z.infer<typeof ZSlotDoc>;
