import type {
  coverage,
  myPlan,
  phoneNumber,
  TWorklistInput,
  timeline,
  worklist,
  ZCoverageInput,
  ZTimelineEntry,
} from '@shared/api/care';
import type { OutputOf } from '@shared/api/define';
import type { z } from '@shared/api/zod';
import { CHANNEL_LABELS, FOLLOWUP_LABELS, OUTCOME_LABELS, REFERRAL_STATUS_LABELS } from '@shared/care/labels';
import { CARE_TASK_LABELS, coverageLine } from '@shared/care/plan';
import { COLLECTIONS } from '@shared/constants/collections';
import { TAG_LABELS } from '@shared/constants/messages';
import { ageOn, diffDays, quarterOf, shanghaiDay } from '@shared/time';
import { coverageOf } from '../_data/careCounters.repo';
import { careStateOf } from '../_data/careStates.repo';
import { tasksOfResident, worklistCounts, worklistPage } from '../_data/careTasks.repo';
import { contactsOfResident } from '../_data/contacts.repo';
import { followupsOfResident } from '../_data/followups.repo';
import { prescriptionsOfResident } from '../_data/prescriptions.repo';
import { referralsOfResident } from '../_data/referrals.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { decryptPii } from '../_lib/pii';
import { planItem, referralView, workItem } from './support/care';

/** A team's worklist page and its counts per kind: two requests, whatever the team's size. */
export async function worklistHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TWorklistInput;
}): Promise<OutputOf<typeof worklist>> {
  const teamId = input.teamId ?? ctx.caller.teamIds?.[0];
  if (!teamId) refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId });
  const today = shanghaiDay(ctx.now);
  const q = {
    teamId,
    today,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.gridId ? { gridId: input.gridId } : {}),
    ...(input.state ? { state: input.state } : {}),
  };
  const [page, counts] = await Promise.all([
    worklistPage(ctx.db, q, input.offset, input.limit),
    worklistCounts(ctx.db, q),
  ]);
  return {
    teamId,
    today,
    items: page.items.map((d) => workItem(d, today)),
    hasMore: page.hasMore,
    counts: counts
      .map((c) => ({ ...c, label: CARE_TASK_LABELS[c.kind] ?? c.kind }))
      .sort(
        (a, b) =>
          Object.keys(CARE_TASK_LABELS).indexOf(a.kind) - Object.keys(CARE_TASK_LABELS).indexOf(b.kind),
      ),
  };
}

/** This quarter's contact coverage of a team, grid or institution: one request on two counters. */
export async function coverageHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZCoverageInput>;
}): Promise<OutputOf<typeof coverage>> {
  const c = ctx.caller;
  const pick = input.teamId
    ? { scope: 'team' as const, id: input.teamId }
    : input.gridId
      ? { scope: 'grid' as const, id: input.gridId }
      : input.institutionId
        ? { scope: 'institution' as const, id: input.institutionId }
        : c.teamIds?.[0]
          ? { scope: 'team' as const, id: c.teamIds[0] }
          : c.gridIds?.[0]
            ? { scope: 'grid' as const, id: c.gridIds[0] }
            : c.institutionId
              ? { scope: 'institution' as const, id: c.institutionId }
              : refuse('TEAM_NOT_FOUND');
  ctx.authorize(
    pick.scope === 'team'
      ? { teamId: pick.id }
      : pick.scope === 'grid'
        ? { gridId: pick.id }
        : { institutionId: pick.id },
  );
  const today = shanghaiDay(ctx.now);
  const q = quarterOf(today);
  const key = `${pick.scope === 'institution' ? 'inst' : pick.scope}:${pick.id}`;
  const { signed, contacted } = await coverageOf(ctx.db, key, q.key);
  const daysLeft = diffDays(today, q.end);
  const done = Math.min(contacted, signed);
  return {
    ...pick,
    quarter: q.key,
    signed,
    contacted: done,
    notContacted: signed - done,
    daysLeft,
    line: coverageLine(done, signed, daysLeft),
  };
}

type Entry = z.output<typeof ZTimelineEntry>;
const CONTRACT_STATUS_LABELS: Record<string, string> = {
  pending: '待确认',
  active: '生效中',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已到期',
  terminated: '已解约',
  superseded: '已变更',
};
const dayOf = (d: unknown): string =>
  d instanceof Date ? shanghaiDay(d) : typeof d === 'string' ? d.slice(0, 10) : '';

/** One resident's records, newest first, with their plan (team doctors, or the resident and family). */
export async function timelineHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId: string };
}): Promise<OutputOf<typeof timeline>> {
  const rid = input.residentId;
  const state = await careStateOf(ctx.db, rid);
  ctx.authorize({ residentId: rid, ...(state ? { teamId: state.teamId } : {}) });
  const today = shanghaiDay(ctx.now);
  const db = ctx.db;
  const [resident, contracts, appointments, contacts, followups, referrals, prescriptions, tasks] =
    await Promise.all([
      db
        .collection(COLLECTIONS.residents)
        .doc(rid)
        .field({ name: true, birthDate: true, tags: true, mobileMasked: true })
        .get()
        .then(
          (r) =>
            r.data[0] as
              | { name?: string; birthDate?: string; tags?: string[]; mobileMasked?: string }
              | undefined,
        ),
      db
        .collection(COLLECTIONS.contracts)
        .where({ residentId: rid })
        .field({ status: true, teamName: true, startDate: true, endDate: true, signedAt: true, kind: true })
        .limit(20)
        .get()
        .then(
          (r) =>
            r.data as {
              _id: string;
              status: string;
              teamName?: string;
              startDate?: string;
              endDate?: string;
              signedAt?: Date;
            }[],
        ),
      db
        .collection(COLLECTIONS.appointments)
        .where({ residentId: rid })
        .field({ day: true, time: true, status: true, location: true })
        .limit(20)
        .get()
        .then(
          (r) => r.data as { _id: string; day: string; time?: string; status: string; location?: string }[],
        ),
      contactsOfResident(db, rid),
      followupsOfResident(db, rid),
      referralsOfResident(db, rid),
      prescriptionsOfResident(db, rid),
      tasksOfResident(db, rid),
    ]);
  if (!resident) refuse('NOT_UNDER_CARE');
  const entries: Entry[] = [
    ...contracts.map((c) => ({
      id: c._id,
      type: 'contract' as const,
      day: c.startDate ?? dayOf(c.signedAt),
      title: `签约 ${c.teamName ?? ''}`.trim(),
      detail: `${c.startDate ?? ''}${c.endDate ? ` 至 ${c.endDate}` : ''} · ${CONTRACT_STATUS_LABELS[c.status] ?? c.status}`,
    })),
    ...contacts
      .filter((c) => !c.followupId)
      .map((c) => ({
        id: c._id,
        type: 'contact' as const,
        day: c.day,
        title: `${CHANNEL_LABELS[c.channel] ?? c.channel}联系`,
        detail: `${OUTCOME_LABELS[c.outcome] ?? c.outcome}${c.callBackDay ? `，约定${c.callBackDay}再联系` : ''}`,
      })),
    ...followups.map((f) => {
      const m = f.measurements ?? {};
      const parts = [
        m.systolic !== undefined && m.diastolic !== undefined ? `血压 ${m.systolic}/${m.diastolic}` : '',
        m.glucose !== undefined ? `空腹血糖 ${m.glucose}` : '',
        m.heartRate !== undefined ? `心率 ${m.heartRate}` : '',
        f.riskLevel !== undefined ? `危险性 ${f.riskLevel}级` : '',
      ].filter(Boolean);
      return {
        id: f._id,
        type: 'followup' as const,
        day: f.day,
        title: `${FOLLOWUP_LABELS[f.kind] ?? f.kind}随访`,
        detail: parts.join('，') || '已随访',
      };
    }),
    ...referrals.map((r) => ({
      id: r._id,
      type: 'referral' as const,
      day: r.day,
      title: r.direction === 'up' ? `上转 ${r.hospital}` : `下转康复（${r.hospital}）`,
      detail: `${r.reason} · ${REFERRAL_STATUS_LABELS[r.status] ?? r.status} · 随访截止 ${r.followupDue}`,
    })),
    ...prescriptions.map((p) => ({
      id: p._id,
      type: 'prescription' as const,
      day: p.startDay,
      title: `长期处方（${TAG_LABELS[p.condition as keyof typeof TAG_LABELS] ?? p.condition}）`,
      detail: `${p.drugs.join('、')} · ${p.startDay} 至 ${p.endDay}`,
    })),
    ...appointments.map((a) => ({
      id: a._id,
      type: 'appointment' as const,
      day: a.day,
      title: `预约 ${a.time ?? ''}`.trim(),
      detail: `${a.location ?? ''} · ${a.status}`,
    })),
  ].sort((a, b) => b.day.localeCompare(a.day) || b.id.localeCompare(a.id));
  return {
    residentId: rid,
    name: resident.name ?? '',
    ...(resident.birthDate ? { age: ageOn(resident.birthDate, today) } : {}),
    tags: (resident.tags ?? []).map((t) => TAG_LABELS[t as keyof typeof TAG_LABELS] ?? t),
    ...(resident.mobileMasked ? { mobileMasked: resident.mobileMasked } : {}),
    underCare: state?.status === 'active',
    plan: tasks.map((d) => planItem(d, today)).sort((a, b) => a.end.localeCompare(b.end)),
    ...(state?.suggestion ? { suggestion: state.suggestion.reason } : {}),
    openReferrals: referrals.filter((r) => r.status === 'open' || r.status === 'accepted').map(referralView),
    entries: entries.slice(0, 100),
  };
}

/** The resident's own plan (health tab): tasks, referrals, long prescriptions, contact history. */
export async function myPlanHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId?: string };
}): Promise<OutputOf<typeof myPlan>> {
  const rid = input.residentId ?? ctx.caller.residentId;
  if (!rid) {
    // Not yet verified as a person: nothing to show, and nothing to check.
    ctx.authorize({});
    return { underCare: false, plan: [], referrals: [], prescriptions: [], contacts: [] };
  }
  ctx.authorize({ residentId: rid });
  const today = shanghaiDay(ctx.now);
  const [state, tasks, referrals, prescriptions, contacts] = await Promise.all([
    careStateOf(ctx.db, rid),
    tasksOfResident(ctx.db, rid),
    referralsOfResident(ctx.db, rid, 10),
    prescriptionsOfResident(ctx.db, rid, 10),
    contactsOfResident(ctx.db, rid, 10),
  ]);
  return {
    residentId: rid,
    underCare: state?.status === 'active',
    plan: tasks
      .filter((t) => t.kind !== 'suggest.referral')
      .map((d) => planItem(d, today))
      .sort((a, b) => a.end.localeCompare(b.end)),
    referrals: referrals.map(referralView),
    prescriptions: prescriptions
      .filter((p) => p.endDay >= today)
      .map((p) => ({
        prescriptionId: p._id,
        residentId: p.residentId,
        condition: p.condition,
        drugs: p.drugs,
        startDay: p.startDay,
        endDay: p.endDay,
      })),
    contacts: contacts
      .filter((c) => c.outcome === 'reached')
      .map((c) => ({
        day: c.day,
        channel: CHANNEL_LABELS[c.channel] ?? c.channel,
        outcome: OUTCOME_LABELS[c.outcome] ?? c.outcome,
      })),
  };
}

/** The number behind tap-to-call, for the resident's team only; every reveal is audited. */
export async function phoneNumberHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId: string };
}): Promise<OutputOf<typeof phoneNumber>> {
  const state = await careStateOf(ctx.db, input.residentId);
  if (!state) refuse('NOT_UNDER_CARE');
  ctx.authorize({ residentId: input.residentId, teamId: state.teamId });
  const r = (
    await ctx.db.collection(COLLECTIONS.residents).doc(input.residentId).field({ mobileEnc: true }).get()
  ).data[0] as { mobileEnc?: string } | undefined;
  if (!r?.mobileEnc) refuse('NOT_FOUND');
  ctx.audit({
    event: 'pii.read',
    subject: { residentId: input.residentId },
    fields: ['mobile'],
    detail: { purpose: 'call' },
  });
  return { phone: decryptPii(r.mobileEnc) };
}
