import { randomBytes } from 'node:crypto';
import type { close, inbox, reply } from '@shared/api/consult';
import type { OutputOf } from '@shared/api/define';
import { maskName } from '@shared/care/plan';
import * as consults from '../_data/consults.repo';
import { enqueueInTx } from '../_data/outbox.repo';
import * as residents from '../_data/residents.repo';
import * as teams from '../_data/teams.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';

/** The team's unanswered conversations by time left: a bounded, indexed read (3 requests + names). */
export async function inboxHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { teamId?: string; filter: consults.InboxFilter; limit: number };
}): Promise<OutputOf<typeof inbox>> {
  const teamId = input.teamId ?? ctx.caller.teamIds?.[0];
  if (!teamId) refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId });
  const { rows, awaiting, overdue, mine } = await consults.inboxOf(
    ctx.db,
    teamId,
    ctx.now,
    input.filter,
    input.limit,
    ctx.caller.staffId,
  );
  const [names, team] = await Promise.all([
    residents.namesOf(
      ctx.db,
      rows.map((r) => r.residentId),
    ),
    rows.some((r) => r.lastStaffId) ? teams.recordById(ctx.db, teamId) : Promise.resolve(undefined),
  ]);
  const staffNames = new Map((team?.members ?? []).map((m) => [m.staffId, m.name]));
  const now = ctx.now.getTime();
  return {
    teamId,
    items: rows.map((r) => {
      const left = r.dueAt ? Math.ceil((r.dueAt.getTime() - now) / 60_000) : 0;
      return {
        consultId: r._id,
        residentId: r.residentId,
        nameMasked: maskName(names.get(r.residentId) ?? '居民'),
        lastAt: r.lastAt,
        dueAt: r.dueAt,
        overdue: r.dueAt !== null && r.dueAt.getTime() < now,
        minutesLeft: left,
        ...(r.lastStaffId && staffNames.has(r.lastStaffId)
          ? { lastStaffName: staffNames.get(r.lastStaffId) }
          : {}),
      };
    }),
    counts: { awaiting, overdue, mine },
  };
}

/** Loads the conversation and checks the caller is on its (stored) team. */
async function teamConversation(ctx: HandlerContext, consultId: string) {
  const c = await consults.findById(ctx.db, consultId);
  if (!c) refuse('CONSULT_NOT_FOUND');
  ctx.authorize({ teamId: c.teamId });
  return c;
}

export async function replyHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { consultId: string; text: string };
}): Promise<OutputOf<typeof reply>> {
  const c = await teamConversation(ctx, input.consultId);
  const team = await teams.recordById(ctx.db, c.teamId);
  const me = team?.members.find((m) => m.staffId === ctx.caller.staffId);
  const messageId = `${c._id}_${ctx.now.getTime()}_${randomBytes(3).toString('hex')}`;
  await inTransaction(ctx.db, async (t) => {
    const cur = await consults.getInTx(t, c._id);
    if (!cur) refuse('CONSULT_NOT_FOUND');
    // The answer that clears a question carries its response time (stats.teamPerformance).
    const first = cur.awaiting && cur.askedAt !== null;
    const figures = first
      ? {
          firstAnswer: true,
          responseMinutes: Math.max(
            0,
            Math.round((ctx.now.getTime() - (cur.askedAt as Date).getTime()) / 60_000),
          ),
          withinPromise: cur.dueAt !== null && ctx.now.getTime() <= cur.dueAt.getTime(),
        }
      : {};
    await consults.updateInTx(t, c._id, {
      status: 'open',
      awaiting: false,
      dueAt: null,
      askedAt: null,
      lastAt: ctx.now,
      lastFrom: 'team',
      messageCount: (cur.messageCount ?? 0) + 1,
      ...(ctx.caller.staffId ? { lastStaffId: ctx.caller.staffId } : {}),
    });
    await consults.addMessageInTx(t, {
      _id: messageId,
      consultId: c._id,
      residentId: c.residentId,
      teamId: c.teamId,
      from: 'team',
      text: input.text,
      ...(ctx.caller.staffId ? { staffId: ctx.caller.staffId } : {}),
      staffName: me?.name ?? '家庭医生',
      ...(me?.position ? { staffPosition: me.position } : {}),
      ...figures,
      createdAt: ctx.now,
    });
    // The notice carries no message content (health data): only that the team answered.
    await enqueueInTx(
      t,
      {
        _id: `consult:${messageId}:reply`,
        kind: 'consult.reply',
        to: { residentId: c.residentId },
        title: '家庭医生回复了您的咨询',
        body: `${team?.name ?? '您的家庭医生团队'}已回复，请打开小程序查看`,
        page: 'packages/consult/pages/index/index',
        ref: { kind: 'consult', id: c._id },
      },
      ctx.now,
    );
  });
  return { consultId: c._id, messageId };
}

export async function closeHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { consultId: string; outcome: string };
}): Promise<OutputOf<typeof close>> {
  const c = await teamConversation(ctx, input.consultId);
  await inTransaction(ctx.db, async (t) => {
    await consults.updateInTx(t, c._id, {
      status: 'closed',
      awaiting: false,
      dueAt: null,
      outcome: input.outcome,
      closedAt: ctx.now,
      ...(ctx.caller.staffId ? { closedBy: ctx.caller.staffId } : {}),
    });
  });
  return { consultId: c._id, status: 'closed' };
}
