import { COLLECTIONS } from '@shared/constants/collections';
import type { ReportDoc } from '@shared/db/schemas/reports';
import type { ReportStatus } from '@shared/grid/config';
import type { Database, Tx } from '../_lib/db';

/** Reports repository (issue 15): grid reports and the team's response. */
const coll = (db: Database) => db.collection(COLLECTIONS.reports);

type Who = {
  teamIds?: readonly string[];
  institutionId?: string;
  districtId?: string;
  reporterUserId?: string;
};

/** Reports routed to teams / an institution / a district, or made by a reporter; newest first. */
export async function list(
  db: Database,
  who: Who,
  filter: { statuses?: readonly ReportStatus[]; overdueAt?: Date },
  limit: number,
): Promise<ReportDoc[]> {
  const _ = db.command;
  const q: Record<string, unknown> = {};
  if (who.reporterUserId) q.reporterUserId = who.reporterUserId;
  else if (who.teamIds) q.teamId = _.in([...who.teamIds]);
  else if (who.institutionId) q.institutionId = who.institutionId;
  else if (who.districtId) q.districtId = who.districtId;
  else return [];
  if (filter.overdueAt) {
    q.status = 'open';
    q.ackDueAt = _.lt(filter.overdueAt);
  } else if (filter.statuses) q.status = _.in([...filter.statuses]);
  const { data } = await coll(db).where(q).orderBy('reportedAt', 'desc').limit(limit).get();
  return data as ReportDoc[];
}

/** How many open reports are past their deadline for the same audience. */
export async function countOverdue(db: Database, who: Who, now: Date): Promise<number> {
  const _ = db.command;
  const q: Record<string, unknown> = { status: 'open', ackDueAt: _.lt(now) };
  if (who.reporterUserId) q.reporterUserId = who.reporterUserId;
  else if (who.teamIds) q.teamId = _.in([...who.teamIds]);
  else if (who.institutionId) q.institutionId = who.institutionId;
  else if (who.districtId) q.districtId = who.districtId;
  else return 0;
  const { total } = await coll(db).where(q).count();
  return total ?? 0;
}

/** Overdue open reports not yet escalated, oldest deadline first (the sweep; bounded). */
export async function overdueUnescalated(db: Database, now: Date, limit: number): Promise<ReportDoc[]> {
  const _ = db.command;
  const { data } = await coll(db)
    .where({ status: 'open', ackDueAt: _.lt(now), escalatedAt: _.exists(false) })
    .orderBy('ackDueAt', 'asc')
    .limit(limit)
    .get();
  return data as ReportDoc[];
}

/** Open reports of a grid's residents (to-do badges); bounded. */
export async function openForHousehold(db: Database, householdId: string): Promise<ReportDoc[]> {
  const { data } = await coll(db)
    .where({ householdId, status: db.command.in(['open', 'acknowledged']) })
    .limit(50)
    .get();
  return data as ReportDoc[];
}

export async function getInTx(t: Tx, id: string): Promise<ReportDoc | undefined> {
  const cur = (await t.collection(COLLECTIONS.reports).doc(id).get()).data;
  const doc = Array.isArray(cur) ? cur[0] : cur;
  return (doc ?? undefined) as ReportDoc | undefined;
}

export async function findById(db: Database, id: string): Promise<ReportDoc | undefined> {
  const { data } = await coll(db).doc(id).get();
  return data[0] as ReportDoc | undefined;
}

export async function createInTx(t: Tx, doc: ReportDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.reports).doc(_id).set(rest);
}

export async function updateInTx(t: Tx, id: string, patch: Partial<ReportDoc>): Promise<void> {
  await t.collection(COLLECTIONS.reports).doc(id).update(patch);
}
