import type { TReportView } from '@shared/api/grid';
import { COLLECTIONS } from '@shared/constants/collections';
import { TAG_LABELS } from '@shared/constants/messages';
import type { KeyPopulationTag } from '@shared/constants/tags';
import type { HouseholdDoc } from '@shared/db/schemas/households';
import type { ReportDoc } from '@shared/db/schemas/reports';
import { REPORT_KIND_LABELS, type ReportKind, URGENT_KINDS } from '@shared/grid';
import { ackDueAt, maskName } from '@shared/grid/rules';
import { enqueueInTx } from '../../_data/outbox.repo';
import * as reports from '../../_data/reports.repo';
import { type Database, inTransaction } from '../../_lib/db';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';
import { actorOf } from './common';
import { requestDocId } from './ids';
import { gridPlace, institutionAdmins, memberById, regionName, teamLeaderStaffId } from './lookups';
import { reportView } from './views';

export type NewReport = {
  requestId: string;
  kind: ReportKind;
  residentId?: string;
  tag?: KeyPopulationTag;
  note?: string;
};

const REPORTS_PAGE = 'packages/doctor/pages/grid-reports/index';

/** One line for the team's inbox: kind, tag, address (no ID numbers, phones or health values). */
const summary = (r: Pick<ReportDoc, 'kind' | 'tag' | 'address' | 'residentName'>) =>
  `${REPORT_KIND_LABELS[r.kind]}${r.tag ? `：${TAG_LABELS[r.tag]}` : ''} · ${r.address}${r.residentName ? ` ${r.residentName}` : ''}`;

/**
 * Files a report for a household of the caller's grid and routes it to the household's team with
 * its deadline; the team (and, for urgent kinds, the village committee) is alerted through the
 * outbox in the same transaction. A moved-out report also marks the member moved out. Idempotent
 * by request id: a resend answers the report already filed.
 */
export async function createReport(
  ctx: HandlerContext,
  h: HouseholdDoc,
  input: NewReport,
): Promise<TReportView> {
  const { db, now } = ctx;
  const actor = await actorOf(ctx);
  let residentName: string | undefined;
  if (input.residentId) {
    const m = (await memberById(db, input.residentId)) ?? refuse('NOT_FOUND');
    if (m.householdId !== h._id) refuse('NOT_FOUND');
    residentName = maskName(m.name);
  }
  const teamId = h.teamId ?? (await gridPlace(db, h.gridId))?.teamId ?? refuse('NOT_FOUND');
  const leader = await teamLeaderStaffId(db, teamId);
  const gridName = await regionName(db, h.gridId);
  const id = requestDocId('rpt', actor.userId, input.requestId);
  const doc = await inTransaction(db, async (t) => {
    const cur = await reports.getInTx(t, id);
    if (cur) return cur;
    const r: ReportDoc = {
      _id: id,
      kind: input.kind,
      ...(input.tag ? { tag: input.tag } : {}),
      ...(input.note ? { note: input.note } : {}),
      status: 'open',
      householdId: h._id,
      address: h.address,
      gridId: h.gridId,
      gridName,
      villageId: h.villageId,
      teamId,
      ...(h.institutionId ? { institutionId: h.institutionId } : {}),
      districtId: h.districtId,
      ...(input.residentId ? { residentId: input.residentId } : {}),
      ...(residentName ? { residentName } : {}),
      reporterUserId: actor.userId,
      reporter: actor,
      requestId: input.requestId,
      reportedAt: now,
      ackDueAt: ackDueAt(input.kind, now),
    };
    await reports.createInTx(t, r);
    if ((input.kind === 'moved_out' || input.kind === 'died') && input.residentId)
      await t
        .collection(COLLECTIONS.residents)
        .doc(input.residentId)
        .update({ movedOutAt: now, ...(input.kind === 'died' ? { diedReportedAt: now } : {}) });
    const urgent = URGENT_KINDS.includes(input.kind);
    await enqueueInTx(
      t,
      {
        _id: `grid.report:${id}:team`,
        kind: urgent ? 'grid.report.urgent' : 'grid.report',
        to: leader ? { staffId: leader } : {},
        title: urgent ? '【紧急】网格上报，请立即报到' : '网格上报待报到',
        body: summary(r),
        page: REPORTS_PAGE,
        ref: { kind: 'report', id },
      },
      now,
    );
    if (urgent)
      await enqueueInTx(
        t,
        {
          _id: `grid.report:${id}:village`,
          kind: 'grid.report.urgent.village',
          // The village committee has no account yet: addressed by region for the messaging rules.
          to: {},
          title: '【紧急】严重精神障碍患者情况不稳定',
          body: `${gridName} ${h.address}，已同步家庭医生团队`,
          ref: { kind: 'region', id: h.villageId },
        },
        now,
      );
    return r;
  });
  return reportView(doc, now);
}

/**
 * Overdue acknowledgements → the institution admin, once per report (escalatedAt), through the
 * outbox. Bounded per call; run by the team's list and callable from the scheduler.
 */
export async function escalateOverdue(db: Database, now: Date, limit = 20): Promise<number> {
  const due = await reports.overdueUnescalated(db, now, limit);
  let n = 0;
  for (const r of due) {
    const admins = r.institutionId ? await institutionAdmins(db, r.institutionId) : [];
    const done = await inTransaction(db, async (t) => {
      const cur = await reports.getInTx(t, r._id);
      if (cur?.status !== 'open' || cur.escalatedAt) return false;
      await reports.updateInTx(t, r._id, { escalatedAt: now });
      for (const staffId of admins.length ? admins : [''])
        await enqueueInTx(
          t,
          {
            _id: `grid.report:${r._id}:escalate${staffId ? `:${staffId}` : ''}`,
            kind: 'grid.report.overdue',
            to: staffId ? { staffId } : {},
            title: '网格上报超时未报到',
            body: summary(r),
            page: REPORTS_PAGE,
            ref: { kind: 'report', id: r._id },
          },
          now,
        );
      return true;
    });
    if (done) n++;
  }
  return n;
}
