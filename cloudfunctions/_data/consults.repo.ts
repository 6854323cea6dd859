import { COLLECTIONS } from '@shared/constants/collections';
import type {
  ConsultDoc,
  ConsultMediaDoc,
  ConsultMessageDoc,
  ConsultTemplateDoc,
} from '@shared/db/schemas/consults';
import type { Database, Tx } from '../_lib/db';
import { txData } from './fields';

/** A resident's one conversation with their team (reopened after a close). */
export const consultIdOf = (residentId: string): string => `cs_${residentId}`;

export async function findById(db: Database, id: string): Promise<ConsultDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.consults).doc(id).get();
  return data[0] as ConsultDoc | undefined;
}

export async function getInTx(t: Tx, id: string): Promise<ConsultDoc | undefined> {
  return txData<ConsultDoc>((await t.collection(COLLECTIONS.consults).doc(id).get()).data);
}

export async function putInTx(t: Tx, doc: ConsultDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.consults).doc(_id).set(rest);
}

export async function updateInTx(t: Tx, id: string, patch: Partial<ConsultDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.consults).doc(id).update(fields);
}

export async function addMessageInTx(t: Tx, doc: ConsultMessageDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.consultMessages).doc(_id).set(rest);
}

/** The newest `limit` messages of a conversation, oldest first (index consultId_createdAt). */
export async function messagesOf(
  db: Database,
  consultId: string,
  limit: number,
): Promise<ConsultMessageDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.consultMessages)
    .where({ consultId })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return (data as ConsultMessageDoc[]).reverse();
}

export type InboxRow = Pick<ConsultDoc, '_id' | 'residentId' | 'lastAt' | 'dueAt' | 'lastStaffId'>;
export type InboxFilter = 'awaiting' | 'mine' | 'overdue';

/**
 * A team's unanswered conversations, least time left first (overdue ones lead), and the counts:
 * four requests on indexes teamId_awaiting_dueAt / teamId_lastStaffId_awaiting_dueAt, whatever the
 * team's size. `mine`: the ones whose last answer was the caller's (follow-up questions to them).
 */
export async function inboxOf(
  db: Database,
  teamId: string,
  now: Date,
  filter: InboxFilter,
  limit: number,
  staffId: string | undefined,
): Promise<{ rows: InboxRow[]; awaiting: number; overdue: number; mine: number }> {
  const _ = db.command;
  const base = { teamId, awaiting: true };
  const overdueWhere = { ...base, dueAt: _.lt(now) };
  // No staff id (a district admin looking on): 'mine' is empty, never everyone's.
  const mineWhere = { teamId, lastStaffId: staffId ?? '-', awaiting: true };
  const where = filter === 'overdue' ? overdueWhere : filter === 'mine' ? mineWhere : base;
  const c = db.collection(COLLECTIONS.consults);
  const [page, all, late, mine] = await Promise.all([
    c
      .where(where)
      .orderBy('dueAt', 'asc')
      .field({ residentId: true, lastAt: true, dueAt: true, lastStaffId: true })
      .limit(limit)
      .get(),
    c.where(base).count(),
    c.where(overdueWhere).count(),
    c.where(mineWhere).count(),
  ]);
  return {
    rows: page.data as InboxRow[],
    awaiting: all.total ?? 0,
    overdue: late.total ?? 0,
    mine: mine.total ?? 0,
  };
}

// --- photos: media checks awaiting WeChat's verdict -------------------------------------------

export const mediaIdOf = (traceId: string): string => `mc_${traceId}`;

export async function addMediaInTx(t: Tx, doc: ConsultMediaDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await t.collection(COLLECTIONS.consultMedia).doc(_id).set(rest);
}

export async function mediaInTx(t: Tx, id: string): Promise<ConsultMediaDoc | undefined> {
  return txData<ConsultMediaDoc>((await t.collection(COLLECTIONS.consultMedia).doc(id).get()).data);
}

/** Checks still waiting for their verdict, created before `before`: oldest first, at most `limit`. */
export async function staleMediaIds(db: Database, before: Date, limit: number): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTIONS.consultMedia)
    .where({ verdict: 'pending', createdAt: db.command.lt(before) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .field({ _id: true })
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

export async function updateMediaInTx(t: Tx, id: string, patch: Partial<ConsultMediaDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.consultMedia).doc(id).update(fields);
}

export async function messageInTx(t: Tx, id: string): Promise<ConsultMessageDoc | undefined> {
  return txData<ConsultMessageDoc>((await t.collection(COLLECTIONS.consultMessages).doc(id).get()).data);
}

export async function updateMessageInTx(t: Tx, id: string, patch: Partial<ConsultMessageDoc>): Promise<void> {
  const { _id, ...fields } = patch;
  await t.collection(COLLECTIONS.consultMessages).doc(id).update(fields);
}

// --- reply templates, kept per team ----------------------------------------------------------

export async function templatesOf(
  db: Database,
  teamId: string,
  limit: number,
): Promise<ConsultTemplateDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.consultTemplates)
    .where({ teamId })
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .get();
  return data as ConsultTemplateDoc[];
}

export async function countTemplates(db: Database, teamId: string): Promise<number> {
  return (await db.collection(COLLECTIONS.consultTemplates).where({ teamId }).count()).total ?? 0;
}

export async function findTemplate(db: Database, id: string): Promise<ConsultTemplateDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.consultTemplates).doc(id).get();
  return data[0] as ConsultTemplateDoc | undefined;
}

export async function putTemplate(db: Database, doc: ConsultTemplateDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await db.collection(COLLECTIONS.consultTemplates).doc(_id).set(rest);
}

export async function removeTemplate(db: Database, id: string): Promise<void> {
  await db.collection(COLLECTIONS.consultTemplates).doc(id).remove();
}

// --- response times, for stats.teamPerformance -----------------------------------------------

export type ResponseFigures = {
  teamId: string;
  /** Undefined: the team as a whole. */
  staffId?: string;
  /** Questions answered in the period (the answer that cleared them). */
  answered: number;
  /** Of those, answered by the promised time (shared/consult/rules.ts). */
  withinPromise: number;
  /** Median minutes from question to answer (wall-clock minutes). */
  medianMinutes: number | null;
};

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const hi = s[m] as number;
  return s.length % 2 ? hi : Math.round(((s[m - 1] as number) + hi) / 2);
};

/**
 * Response times of the given teams' first answers in [from, to): one aggregate request on index
 * teamId_firstAnswer_createdAt, grouped by team and answering member; team rows are summed from
 * their members. Cost grows with the answers in the period, never with residents. For
 * stats.teamPerformance (docs/consult.md).
 */
export async function responseFigures(
  db: Database,
  q: { teamIds: string[]; from: Date; to: Date },
): Promise<ResponseFigures[]> {
  if (!q.teamIds.length) return [];
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.consultMessages)
    .aggregate()
    .match({
      teamId: _.in(q.teamIds.slice(0, 100)),
      firstAnswer: true,
      createdAt: _.gte(q.from).and(_.lt(q.to)),
    })
    .group({
      _id: { teamId: '$teamId', staffId: '$staffId' },
      answered: $.sum(1),
      within: $.sum($.cond(['$withinPromise', 1, 0])),
      minutes: $.push('$responseMinutes'),
    })
    .end()) as { data?: unknown[]; list?: unknown[] };
  const rows = (res.data ?? res.list ?? []) as {
    _id: { teamId: string; staffId?: string | null };
    answered: number;
    within: number;
    minutes: number[];
  }[];
  const out: ResponseFigures[] = [];
  const teams = new Map<string, { answered: number; within: number; minutes: number[] }>();
  for (const r of rows) {
    const minutes = (r.minutes ?? []).filter((m) => typeof m === 'number');
    out.push({
      teamId: r._id.teamId,
      ...(r._id.staffId ? { staffId: r._id.staffId } : {}),
      answered: r.answered,
      withinPromise: r.within,
      medianMinutes: median(minutes),
    });
    const t = teams.get(r._id.teamId) ?? { answered: 0, within: 0, minutes: [] };
    t.answered += r.answered;
    t.within += r.within;
    t.minutes.push(...minutes);
    teams.set(r._id.teamId, t);
  }
  for (const [teamId, t] of teams)
    out.push({ teamId, answered: t.answered, withinPromise: t.within, medianMinutes: median(t.minutes) });
  return out;
}
