import { z } from '../../api/zod';

/**
 * A `locks` document: uniqueness the CloudBase way. CloudBase indexes take keys and `unique`
 * only (no partial indexes; a missing field is null), so "one X per Y while Z" is a document
 * with a deterministic `_id`, created and removed inside the same transactions that open and
 * close X (only doc().get/set/update/delete inside a transaction). Two racers write the same
 * `_id`; one commits, the other conflicts, retries, and then reads the lock.
 *
 * - `pending_<residentId>`      one open contract request per resident (holder = contract id)
 * - `seats_<teamId>`            a team's live contracts (count ≤ the team's capacity)
 * - `book_<slotId>_<residentId>` one live booking of a slot per resident (holder = appointment id)
 * - `staffMobile_<mobileHash>`  one staff account per mobile number (holder = staff id)
 * - `bindCode_<bindCodeHash>`   a live bind code points at one staff account (holder = staff id)
 */
export const LOCK_KINDS = ['pending', 'seats', 'book', 'staffMobile', 'bindCode'] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

export const ZLockDoc = z.object({
  _id: z.string(),
  kind: z.enum(LOCK_KINDS),
  /** The document holding the lock (contract, appointment, staff); absent on a counter. */
  holder: z.string().optional(),
  /** Counters (`seats_…`): how many are held now. */
  count: z.number().int().min(0).optional(),
  /** Counted entity of a counter (`seats_…`: the team). */
  ref: z.string().optional(),
  /** Until when a lock holds without its holder's help (bind codes expire). */
  expiresAt: z.date().optional(),
  at: z.date(),
});
export type LockDoc = z.infer<typeof ZLockDoc>;

/** Deterministic lock ids (kept ≤ 128 characters: hashes are 64 hex, ids ≤ 64). */
export const lockId = {
  pending: (residentId: string) => `pending_${residentId}`,
  seats: (teamId: string) => `seats_${teamId}`,
  book: (slotId: string, residentId: string) => `book_${slotId}_${residentId}`,
  staffMobile: (mobileHash: string) => `staffMobile_${mobileHash}`,
  bindCode: (bindCodeHash: string) => `bindCode_${bindCodeHash}`,
} as const;
