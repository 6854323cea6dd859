import type { TContract } from '@shared/contract/model';
import { type ContractDoc, LIVE_STATUSES } from '@shared/db/schemas/contracts';
import { lockId } from '@shared/db/schemas/locks';
import type { OutboxMessage } from '@shared/db/schemas/outbox';
import * as contracts from '../../_data/contracts.repo';
import * as locks from '../../_data/locks.repo';
import { enqueueInTx } from '../../_data/outbox.repo';
import { type Database, inTransaction, type Tx } from '../../_lib/db';
import { refuse } from '../../_lib/errors';

/**
 * The contract guarantees, held by lock documents inside the transactions that open and close
 * requests (docs/data.md):
 * - `pending_<residentId>`: one open request per resident (holder = the pending contract);
 * - `seats_<teamId>`: the team's live (pending or active) contracts, never above its capacity for
 *   a first signing or a change of team.
 */

const isLive = (s: TContract['status']) => (LIVE_STATUSES as readonly string[]).includes(s);

/** Thrown inside a transaction when a team's counter does not exist yet (created outside, then retried). */
class CounterMissing extends Error {}

/** Creates a team's seat counter from the live count (first use, or contracts written before counters). */
async function initSeats(db: Database, teamId: string, now: Date): Promise<void> {
  const count = await contracts.liveCount(db, teamId);
  await locks.initCounter(db, lockId.seats(teamId), { kind: 'seats', ref: teamId, count, now });
}

/** Runs `work`, creating the named team counters first when a transaction finds one missing. */
async function withSeats<T>(db: Database, teamIds: readonly string[], now: Date, run: () => Promise<T>) {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof CounterMissing)) throw e;
    for (const id of teamIds) if (!(await locks.find(db, lockId.seats(id)))) await initSeats(db, id, now);
    return run();
  }
}

/** Adds `delta` to a team's live count inside a transaction; refuses TEAM_FULL past `capacity`. */
async function moveSeats(
  t: Tx,
  teamId: string,
  delta: number,
  now: Date,
  capacity?: number,
  missingOk = false,
): Promise<void> {
  const id = lockId.seats(teamId);
  const count = await locks.countInTx(t, id);
  if (count === undefined) {
    // Freeing a place of a counter nobody created yet: its later count will see this change.
    if (missingOk) return;
    throw new CounterMissing();
  }
  if (capacity !== undefined && delta > 0 && count + delta > capacity) refuse('TEAM_FULL');
  await locks.setCountInTx(t, id, { kind: 'seats', ref: teamId, count: count + delta, now });
}

/** Why a held pending lock does not block: its holder is no longer pending (closed without release). */
async function pendingHolderLive(db: Database, holder: string): Promise<boolean> {
  return (await contracts.findFields(db, holder, ['status']))?.status === 'pending';
}

/**
 * Opens a request (sign, renew, changeTeam) in one transaction: takes the resident's pending lock,
 * counts the place in the team (checking capacity when `capacity` is given: first signing and
 * change of team), writes the contract. A retried submit (same contract id) answers the stored
 * contract; another open request answers CONTRACT_EXISTS; a full team TEAM_FULL.
 * Requests: start, lock read, counter read, lock write, counter write, contract write, commit.
 */
export async function openRequest(
  db: Database,
  doc: ContractDoc,
  p: { capacity?: number; now: Date },
): Promise<ContractDoc> {
  const pendingId = lockId.pending(doc.residentId);
  return withSeats(db, [doc.teamId], p.now, () =>
    inTransaction(db, async (t, attempt) => {
      // A retry lost a race: if a request now holds the lock, that is the answer (no contention).
      if (attempt > 1) {
        const held = await locks.find(db, pendingId);
        if (held?.holder === doc._id)
          return (await contracts.findById(db, doc._id)) ?? refuse('CONTRACT_EXISTS');
        if (held?.holder && (await pendingHolderLive(db, held.holder))) refuse('CONTRACT_EXISTS');
      }
      const held = await locks.getInTx(t, pendingId);
      if (held?.holder === doc._id) return (await contracts.getInTx(t, doc._id)) ?? refuse('CONTRACT_EXISTS');
      if (held?.holder && (await pendingHolderLive(db, held.holder))) refuse('CONTRACT_EXISTS');
      await moveSeats(t, doc.teamId, 1, p.now, p.capacity);
      await locks.putInTx(t, pendingId, { kind: 'pending', holder: doc._id, now: p.now });
      await contracts.createInTx(t, doc);
      return doc;
    }),
  );
}

/** One more contract a transition changes in the same commit (a renewal supersedes its source). */
export type SideChange = {
  id: string;
  expected: TContract['status'];
  teamId: string;
  patch: Partial<ContractDoc>;
};

/**
 * Moves a contract from `expected` to `patch.status` in one transaction, with everything that
 * follows: the pending lock released when a request closes, the team counters moved when a
 * contract stops (or starts) being live, superseded contracts, and the outbox message. Refuses
 * ILLEGAL_TRANSITION when the contract is no longer in `expected` (a concurrent decision won).
 */
export async function transition(
  db: Database,
  c: Pick<ContractDoc, '_id' | 'residentId' | 'teamId'>,
  p: {
    expected: TContract['status'];
    patch: Partial<ContractDoc> & { status: TContract['status'] };
    also?: readonly SideChange[];
    message?: OutboxMessage;
    /** Other domains' records that must change with this transition (care closes on termination). */
    inTx?: (t: Tx) => Promise<unknown>;
    now: Date;
  },
): Promise<void> {
  await inTransaction(db, async (t) => {
    const pendingId = lockId.pending(c.residentId);
    if (p.expected === 'pending') {
      // The lock names the open request: holding it is being still pending, one read for both.
      const held = await locks.getInTx(t, pendingId);
      if (held?.holder === c._id) await locks.deleteInTx(t, pendingId);
      else if ((await contracts.getInTx(t, c._id))?.status !== 'pending') refuse('ILLEGAL_TRANSITION');
    } else if ((await contracts.getInTx(t, c._id))?.status !== p.expected) refuse('ILLEGAL_TRANSITION');
    await contracts.updateInTx(t, c._id, p.patch);
    if (isLive(p.expected) && !isLive(p.patch.status))
      await moveSeats(t, c.teamId, -1, p.now, undefined, true);
    for (const s of p.also ?? []) {
      const cur = await contracts.getInTx(t, s.id);
      if (cur?.status !== s.expected) continue;
      await contracts.updateInTx(t, s.id, s.patch);
      if (isLive(s.expected) && s.patch.status !== undefined && !isLive(s.patch.status))
        await moveSeats(t, s.teamId, -1, p.now, undefined, true);
    }
    if (p.message) await enqueueInTx(t, p.message, p.now);
    if (p.inTx) await p.inTx(t);
  });
}
