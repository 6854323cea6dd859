import { COLLECTIONS } from '@shared/constants/collections';
import type { TContract } from '@shared/contract/model';
import { effectiveStatus, isLiveOn } from '@shared/contract/status';
import { type ContractDoc, LIVE_STATUSES } from '@shared/db/schemas/contracts';
import type { Database, Tx } from '../_lib/db';
import { type Projected, project, txData } from './fields';

export { LIVE_STATUSES };

/** Contracts: intent-named reads; state changes go through transactions (contract.tx in support/). */
const coll = (db: Database) => db.collection(COLLECTIONS.contracts);

/** One contract (whole: views, PDFs and transitions need most of it), or undefined. */
export async function findById(db: Database, id: string): Promise<ContractDoc | undefined> {
  return (await coll(db).doc(id).get()).data[0] as ContractDoc | undefined;
}

/** Every contract of a resident (a handful: one a year at most). */
export async function ofResident(db: Database, residentId: string): Promise<ContractDoc[]> {
  return (await coll(db).where({ residentId }).limit(100).get()).data as ContractDoc[];
}

/** Every contract of several residents (a family), newest first. */
export async function ofResidents(db: Database, ids: readonly string[]): Promise<ContractDoc[]> {
  if (ids.length === 0) return [];
  const { data } = await coll(db)
    .where({ residentId: db.command.in([...ids]) })
    .orderBy('signedAt', 'desc')
    .limit(200)
    .get();
  return data as ContractDoc[];
}

/** Pending and active contracts of a team: the places it has given (capacity). */
export async function liveCount(db: Database, teamId: string): Promise<number> {
  return (
    (
      await coll(db)
        .where({ teamId, status: db.command.in([...LIVE_STATUSES]) })
        .count()
    ).total ?? 0
  );
}

/** Live counts for many teams (listTeams): one count per team, in parallel. */
export async function liveCounts(db: Database, teamIds: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(teamIds.map((id) => liveCount(db, id)));
  return Object.fromEntries(teamIds.map((id, i) => [id, counts[i] ?? 0]));
}

/**
 * The team a resident is signed to today, or undefined: their contract in effect now
 * (effectiveStatus active: confirmed, started, not ended; a superseded one still serves until the
 * new one starts). Reads only the fields the status needs.
 */
export async function activeTeamOf(db: Database, residentId: string, now: Date): Promise<string | undefined> {
  const { data } = await coll(db)
    .where({ residentId, status: db.command.in(['active', 'superseded']) })
    .field({ teamId: true, status: true, startDate: true, endDate: true })
    .limit(20)
    .get();
  return (data as TContract[]).find((c) => effectiveStatus(c, now) === 'active')?.teamId;
}

/** A page of a team's or institution's contracts in a status, oldest first (a queue), and the total. */
export async function page(
  db: Database,
  where: { teamId?: unknown; institutionId?: string; status?: unknown },
  offset: number,
  limit: number,
): Promise<{ contracts: ContractDoc[]; total: number }> {
  const [list, count] = await Promise.all([
    coll(db).where(where).orderBy('signedAt', 'asc').skip(offset).limit(limit).get(),
    coll(db).where(where).count(),
  ]);
  return { contracts: list.data as ContractDoc[], total: count.total ?? 0 };
}

/** Selected fields of one contract. */
export async function findFields<K extends keyof ContractDoc>(
  db: Database,
  id: string,
  fields: readonly K[],
): Promise<Projected<ContractDoc, K> | undefined> {
  const { data } = await coll(db)
    .doc(id)
    .field(project(fields as readonly string[]))
    .get();
  return data[0] as Projected<ContractDoc, K> | undefined;
}

/** Reads a contract inside a transaction. */
export async function getInTx(t: Tx, id: string): Promise<ContractDoc | undefined> {
  return txData<ContractDoc>((await t.collection(COLLECTIONS.contracts).doc(id).get()).data);
}

/** Writes a new contract inside a transaction. */
export async function createInTx(t: Tx, doc: ContractDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.contracts).doc(_id).set(rest);
}

/** Patches a contract inside a transaction (the caller has read and checked its status). */
export async function updateInTx(t: Tx, id: string, patch: Partial<ContractDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.contracts).doc(id).update(fields);
}

/** True when the resident is signed to this team today. */
export async function isSignedTo(
  db: Database,
  residentId: string,
  teamId: string,
  now: Date,
): Promise<boolean> {
  return (await activeTeamOf(db, residentId, now)) === teamId;
}

/** The resident's contract in effect today (team and the name it was signed under), or undefined. */
export async function activeOf(
  db: Database,
  residentId: string,
  now: Date,
): Promise<{ teamId: string; residentName: string } | undefined> {
  const { data } = await coll(db)
    .where({ residentId, status: db.command.in(['active', 'superseded']) })
    .field({ teamId: true, status: true, startDate: true, endDate: true, residentName: true })
    .limit(20)
    .get();
  const c = (data as ContractDoc[]).find((x) => effectiveStatus(x, now) === 'active');
  return c ? { teamId: c.teamId, residentName: c.residentName } : undefined;
}

// ---- education: who is signed with which team on a day (issue #16) ----

/**
 * The team serving each of these residents on a day (a live contract), one request for a page of
 * up to 1,000 residents. Residents without one are absent from the map.
 */
export async function liveTeamsOf(
  db: Database,
  residentIds: readonly string[],
  day: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (residentIds.length === 0) return out;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.contracts)
    .where({ residentId: _.in([...residentIds]), status: _.in(['active', 'superseded']) })
    .field({ residentId: true, teamId: true, status: true, startDate: true, endDate: true })
    .limit(1000)
    .get();
  for (const c of data as {
    residentId: string;
    teamId: string;
    status: string;
    startDate?: string;
    endDate?: string;
  }[]) {
    // biome-ignore lint/suspicious/noExplicitAny: the contract rules take the stored shape
    if (isLiveOn(c as any, day)) out.set(c.residentId, c.teamId);
  }
  return out;
}
