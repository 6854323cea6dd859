import { z } from '../../api/zod';

/**
 * A `slots` document: the seat counter of one generated slot (`_id` = slot id). It is the one
 * document concurrent bookers contend on; created by the first booking's transaction. It is also
 * the lock for "one live booking per (slot, resident)" (`holders`).
 */
export const ZSlotDoc = z.object({
  _id: z.string(),
  teamId: z.string(),
  day: z.string(),
  booked: z.number().int().min(0),
  /** Seats held by residents not signed to the team (they may use only the open share). */
  unsignedBooked: z.number().int().min(0),
  /**
   * Residents holding a seat of this slot: one live booking per (slot, resident) is checked on
   * this same document in the booking transaction (absent on counters written before it existed).
   */
  holders: z.array(z.string()).optional(),
});
export type SlotDoc = z.infer<typeof ZSlotDoc>;
