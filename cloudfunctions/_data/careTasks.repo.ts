import { chainId, reasonFor, type TaskWindow, visibleFrom } from '@shared/care/plan';
import { COLLECTIONS } from '@shared/constants/collections';
import type { CareStateDoc } from '@shared/db/schemas/careStates';
import type { CareTaskDoc } from '@shared/db/schemas/careTasks';
import type { Day } from '@shared/time';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

type Owner = Pick<CareStateDoc, 'residentId' | 'teamId' | 'gridId' | 'nameMasked' | 'chains'>;

/** Opens (or moves) a task chain's window inside the caller's transaction; keeps `owner.chains`. */
export async function putTaskInTx(
  t: Tx,
  owner: Owner,
  w: TaskWindow & { extra?: string },
  today: Day,
  now: Date,
): Promise<string> {
  const id = chainId(owner.residentId, w.kind, w.ref);
  const doc: Omit<CareTaskDoc, '_id'> = {
    residentId: owner.residentId,
    teamId: owner.teamId,
    ...(owner.gridId ? { gridId: owner.gridId } : {}),
    kind: w.kind,
    start: w.start,
    end: w.end,
    from: visibleFrom(w.start, undefined),
    attempts: 0,
    reason: reasonFor(w.kind, w, today, w.extra),
    ...(w.ref ? { ref: w.ref } : {}),
    nameMasked: owner.nameMasked,
    updatedAt: now,
  };
  await t.collection(COLLECTIONS.careTasks).doc(id).set(doc);
  if (!owner.chains.includes(id)) owner.chains = [...owner.chains, id];
  return id;
}

/** Closes a chain (event task resolved, or the term ended). */
export async function dropTaskInTx(t: Tx, owner: Owner, id: string): Promise<void> {
  if (!owner.chains.includes(id)) return;
  await t.collection(COLLECTIONS.careTasks).doc(id).delete();
  owner.chains = owner.chains.filter((c) => c !== id);
}

/** One chain, read inside the transaction. */
export const taskInTx = async (t: Tx, id: string) =>
  txData<CareTaskDoc>((await t.collection(COLLECTIONS.careTasks).doc(id).get()).data);

/** Updates fields of an open chain (call-back day, attempts). */
export async function patchTaskInTx(t: Tx, id: string, patch: Partial<CareTaskDoc>): Promise<void> {
  await t.collection(COLLECTIONS.careTasks).doc(id).update(patch);
}

export type WorklistQuery = {
  teamId: string;
  today: Day;
  kind?: string;
  gridId?: string;
  state?: 'overdue' | 'due' | 'soon';
};

const whereOf = (db: Database, q: WorklistQuery) => {
  const _ = db.command;
  const stateCond =
    q.state === 'overdue'
      ? { end: _.lt(q.today) }
      : q.state === 'due'
        ? { start: _.lte(q.today), end: _.gte(q.today) }
        : q.state === 'soon'
          ? { start: _.gt(q.today) }
          : {};
  return {
    teamId: q.teamId,
    from: _.lte(q.today),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.gridId ? { gridId: q.gridId } : {}),
    ...stateCond,
  };
};

/** A worklist page: visible tasks of a team ordered by due-by day (overdue first). One request. */
export async function worklistPage(
  db: Database,
  q: WorklistQuery,
  offset: number,
  limit: number,
): Promise<{ items: CareTaskDoc[]; hasMore: boolean }> {
  const { data } = await db
    .collection(COLLECTIONS.careTasks)
    .where(whereOf(db, q))
    .orderBy('end', 'asc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const items = data as CareTaskDoc[];
  return { items: items.slice(0, limit), hasMore: items.length > limit };
}

/** Counts per kind and state of a team's visible tasks (one aggregate request, filters but kind/state kept). */
export async function worklistCounts(
  db: Database,
  q: WorklistQuery,
): Promise<{ kind: string; overdue: number; due: number; soon: number }[]> {
  const $ = db.command.aggregate;
  const res = (await db
    .collection(COLLECTIONS.careTasks)
    .aggregate()
    .match(whereOf(db, { teamId: q.teamId, today: q.today, ...(q.gridId ? { gridId: q.gridId } : {}) }))
    .group({
      _id: '$kind',
      overdue: $.sum($.cond([$.lt(['$end', q.today]), 1, 0])),
      soon: $.sum($.cond([$.gt(['$start', q.today]), 1, 0])),
      all: $.sum(1),
    })
    .end()) as { data?: unknown[]; list?: unknown[] };
  return ((res.data ?? res.list ?? []) as { _id: string; overdue: number; soon: number; all: number }[]).map(
    (r) => ({
      kind: r._id,
      overdue: r.overdue,
      soon: r.soon,
      due: r.all - r.overdue - r.soon,
    }),
  );
}

/** A resident's open chains (plan and timeline). */
export async function tasksOfResident(db: Database, residentId: string): Promise<CareTaskDoc[]> {
  const { data } = await db.collection(COLLECTIONS.careTasks).where({ residentId }).limit(50).get();
  return data as CareTaskDoc[];
}
