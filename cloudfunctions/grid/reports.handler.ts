import type { OutputOf } from '@shared/api/define';
import type { acknowledge, myReports, report, resolve, TReportView, teamReports } from '@shared/api/grid';
import { COLLECTIONS } from '@shared/constants/collections';
import { STORED_TAGS, type StoredTag } from '@shared/constants/tags';
import type { ReportDoc } from '@shared/db/schemas/reports';
import type { ReportStatus } from '@shared/grid';
import { enqueueInTx } from '../_data/outbox.repo';
import * as reports from '../_data/reports.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { actorOf, loadHousehold } from './support/common';
import { createReport, escalateOverdue } from './support/reporting';
import { reportView } from './support/views';

export const reportHandler: Handler<typeof report> = async ({ ctx, input }) => {
  const h = await loadHousehold(ctx, input.householdId);
  return createReport(ctx, h, {
    requestId: input.requestId,
    kind: input.kind,
    ...(input.residentId ? { residentId: input.residentId } : {}),
    ...(input.tag ? { tag: input.tag } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
};

/** Loads a report and checks the caller's team is the one it was routed to. */
async function loadReport(ctx: HandlerContext, id: string): Promise<ReportDoc> {
  const r = (await reports.findById(ctx.db, id)) ?? refuse('NOT_FOUND');
  ctx.authorize({ teamId: r.teamId });
  return r;
}

/** 家医报到: the team takes the report; who and when are recorded, the grid worker is told. */
export const acknowledgeHandler: Handler<typeof acknowledge> = async ({ ctx, input }) => {
  const r = await loadReport(ctx, input.reportId);
  const actor = await actorOf(ctx);
  const out = await inTransaction(ctx.db, async (t) => {
    const cur = (await reports.getInTx(t, r._id)) ?? refuse('NOT_FOUND');
    if (cur.status !== 'open') return cur; // a second tap answers what is recorded
    const patch = { status: 'acknowledged' as const, acknowledgedAt: ctx.now, acknowledgedBy: actor };
    await reports.updateInTx(t, r._id, patch);
    await enqueueInTx(
      t,
      {
        _id: `grid.report:${r._id}:ack`,
        kind: 'grid.report.acknowledged',
        to: { userId: cur.reporterUserId },
        title: '家医已报到',
        body: `${actor.name} 已接收您对 ${cur.address} 的上报`,
        page: 'packages/grid/pages/reports/index',
        ref: { kind: 'report', id: r._id },
      },
      ctx.now,
    );
    return { ...cur, ...patch };
  });
  return reportView(out, ctx.now);
};

/**
 * The intervention recorded and the report closed (acknowledging it too if nobody had). With
 * `adopt`, a new-member report also puts its tag on the resident's record in the same transaction
 * (age and pregnancy tags are derived, never stored: nothing to write for those).
 */
export const resolveHandler: Handler<typeof resolve> = async ({ ctx, input }) => {
  const r = await loadReport(ctx, input.reportId);
  const actor = await actorOf(ctx);
  const out = await inTransaction(ctx.db, async (t) => {
    const cur = (await reports.getInTx(t, r._id)) ?? refuse('NOT_FOUND');
    if (cur.status === 'resolved') refuse('REPORT_CLOSED');
    const patch: Partial<ReportDoc> = {
      status: 'resolved',
      resolvedAt: ctx.now,
      resolvedBy: actor,
      intervention: input.intervention,
      ...(cur.status === 'open' ? { acknowledgedAt: ctx.now, acknowledgedBy: actor } : {}),
    };
    if (input.adopt && cur.kind === 'key_population' && cur.residentId && cur.tag) {
      const tag = cur.tag;
      if ((STORED_TAGS as readonly string[]).includes(tag)) {
        const ref = t.collection(COLLECTIONS.residents).doc(cur.residentId);
        const got = (await ref.get()).data;
        const res = (Array.isArray(got) ? got[0] : got) as { tags?: StoredTag[] } | null;
        if (!res) refuse('NOT_FOUND');
        const tags = [...new Set([...(res.tags ?? []), tag as StoredTag])];
        await ref.update({ tags, updatedAt: ctx.now });
      }
      patch.adopted = true;
    }
    await reports.updateInTx(t, r._id, patch);
    await enqueueInTx(
      t,
      {
        _id: `grid.report:${r._id}:resolved`,
        kind: 'grid.report.resolved',
        to: { userId: cur.reporterUserId },
        title: '上报已处置',
        body: `${cur.address}：${input.intervention}`.slice(0, 100),
        page: 'packages/grid/pages/reports/index',
        ref: { kind: 'report', id: r._id },
      },
      ctx.now,
    );
    return { ...cur, ...patch } as ReportDoc;
  });
  if (out.adopted && out.residentId)
    ctx.audit({ event: 'grid.member.write', subject: { residentId: out.residentId }, fields: ['tags'] });
  return reportView(out, ctx.now);
};

const statusFilter = (
  s: OutputOf<typeof teamReports>['reports'][number]['status'] | 'active' | 'overdue' | undefined,
) =>
  s === 'active'
    ? { statuses: ['open', 'acknowledged'] as ReportStatus[] }
    : s === 'overdue' || s === undefined
      ? {}
      : { statuses: [s] };

/** Overdue first, then newest. */
const order = (views: TReportView[]) =>
  views.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.reportedAt.localeCompare(a.reportedAt));

export const myReportsHandler: Handler<typeof myReports> = async ({ ctx, input }) => {
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const who = { reporterUserId: userId };
  const filter = input.status === 'overdue' ? { overdueAt: ctx.now } : statusFilter(input.status);
  const [list, overdue] = await Promise.all([
    reports.list(ctx.db, who, filter, input.limit),
    reports.countOverdue(ctx.db, who, ctx.now),
  ]);
  return { reports: order(list.map((r) => reportView(r, ctx.now))), overdue };
};

export const teamReportsHandler: Handler<typeof teamReports> = async ({ ctx, input }) => {
  const { caller } = ctx;
  let who: { teamIds?: string[]; institutionId?: string; districtId?: string };
  if (caller.role === 'doctor') {
    const teamIds = [...(caller.teamIds ?? [])];
    ctx.authorize({ teamId: teamIds[0] ?? refuse('OUT_OF_SCOPE') });
    who = { teamIds };
  } else if (caller.role === 'institution_admin') {
    ctx.authorize({ institutionId: caller.institutionId ?? refuse('OUT_OF_SCOPE') });
    who = { institutionId: caller.institutionId as string };
  } else {
    ctx.authorize({ districtId: caller.districtId ?? refuse('OUT_OF_SCOPE') });
    who = { districtId: caller.districtId as string };
  }
  // Overdue acknowledgements go to the institution admin once (the scheduler runs the same sweep).
  await escalateOverdue(ctx.db, ctx.now, 10);
  const filter = input.status === 'overdue' ? { overdueAt: ctx.now } : statusFilter(input.status);
  const [list, overdue] = await Promise.all([
    reports.list(ctx.db, who, filter, input.limit),
    reports.countOverdue(ctx.db, who, ctx.now),
  ]);
  return { reports: order(list.map((r) => reportView(r, ctx.now))), overdue };
};
