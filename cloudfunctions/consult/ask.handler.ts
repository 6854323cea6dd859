import { randomBytes } from 'node:crypto';
import type { link, open, send, thread, ZSendInput } from '@shared/api/consult';
import type { OutputOf } from '@shared/api/define';
import type { z } from '@shared/api/zod';
import { dueText, EMERGENCY_PHONE, emergencyWordsIn, responseDueAt } from '@shared/consult/rules';
import type { ConsultDoc } from '@shared/db/schemas/consults';
import * as consults from '../_data/consults.repo';
import * as contracts from '../_data/contracts.repo';
import * as residents from '../_data/residents.repo';
import * as teams from '../_data/teams.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { isConsultPhotoOf, startImageChecks } from './support/media';
import { checkText } from './support/security';
import { conversationView, threadView } from './support/views';

/**
 * The resident (or a proxy) and the team they are signed to TODAY, from the stored contract —
 * never from ids the caller sent beyond whose behalf they act.
 */
async function signedScope(ctx: HandlerContext, residentId: string | undefined) {
  const rid = residentId ?? ctx.caller.residentId;
  if (!rid) refuse('CONSULT_NOT_SIGNED');
  ctx.authorize({ residentId: rid });
  const live = await contracts.activeOf(ctx.db, rid, ctx.now);
  if (!live) refuse('CONSULT_NOT_SIGNED');
  const team = await teams.recordById(ctx.db, live.teamId);
  return { rid, live, teamName: team?.name ?? '家庭医生团队', team };
}

export async function openHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId?: string };
}): Promise<OutputOf<typeof open>> {
  const { rid, live, teamName } = await signedScope(ctx, input.residentId);
  const id = consults.consultIdOf(rid);
  const cur = await consults.findById(ctx.db, id);
  // Nothing is written until the first question: an opened, empty conversation costs nothing.
  const c: ConsultDoc = cur ?? {
    _id: id,
    residentId: rid,
    teamId: live.teamId,
    status: 'open',
    awaiting: false,
    dueAt: null,
    askedAt: null,
    lastAt: ctx.now,
    lastFrom: 'resident',
    messageCount: 0,
    createdAt: ctx.now,
  };
  return conversationView({ ...c, teamId: live.teamId }, teamName, ctx.now);
}

export async function sendHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZSendInput>;
}): Promise<OutputOf<typeof send>> {
  const { rid, live, team } = await signedScope(ctx, input.residentId);
  const words = emergencyWordsIn(input.text);
  const verdict = await checkText(ctx.openid, input.text);
  if (verdict === 'refused') {
    ctx.audit({ event: 'consult.refused', subject: { residentId: rid } });
    refuse('CONTENT_REFUSED');
  }
  if (verdict === 'unavailable') refuse('CONTENT_CHECK_UNAVAILABLE');
  // Photos: private files of this conversation only; WeChat judges each (and its thumbnail)
  // asynchronously, so they are stored `pending` and shown to nobody until the verdicts arrive.
  const files = input.photos.flatMap((p) => [p.fileId, p.thumbFileId]);
  if (files.some((f) => !isConsultPhotoOf(f, rid))) refuse('CONSULT_PHOTO_INVALID');
  let traceIds: string[] = [];
  if (files.length) {
    const started = await startImageChecks(ctx.openid, files);
    if (!started.ok)
      refuse(started.reason === 'missing' ? 'CONSULT_PHOTO_INVALID' : 'CONTENT_CHECK_UNAVAILABLE');
    traceIds = started.traceIds;
  }

  const proxy = ctx.caller.residentId !== rid;
  const writerName = proxy
    ? ((ctx.caller.residentId && (await residents.nameOf(ctx.db, ctx.caller.residentId))) ?? '家属')
    : live.residentName;
  const id = consults.consultIdOf(rid);
  const messageId = `${id}_${ctx.now.getTime()}_${randomBytes(3).toString('hex')}`;
  const dueAt = await inTransaction(ctx.db, async (t) => {
    const cur = await consults.getInTx(t, id);
    // The promise runs from the first unanswered question; follow-ups do not move it.
    const keep = cur?.awaiting && cur.status === 'open' && cur.teamId === live.teamId && cur.dueAt;
    const due = keep ? (cur.dueAt as Date) : responseDueAt(ctx.now);
    const asked = keep ? (cur.askedAt ?? ctx.now) : ctx.now;
    await consults.putInTx(t, {
      _id: id,
      residentId: rid,
      teamId: live.teamId,
      ...(team?.institutionId ? { institutionId: team.institutionId } : {}),
      status: 'open',
      awaiting: true,
      dueAt: due,
      askedAt: asked,
      lastAt: ctx.now,
      lastFrom: 'resident',
      messageCount: (cur?.messageCount ?? 0) + 1,
      createdAt: cur?.createdAt ?? ctx.now,
      ...(cur?.lastStaffId && cur.teamId === live.teamId ? { lastStaffId: cur.lastStaffId } : {}),
      ...(cur?.links ? { links: cur.links } : {}),
    });
    await consults.addMessageInTx(t, {
      _id: messageId,
      consultId: id,
      residentId: rid,
      teamId: live.teamId,
      from: 'resident',
      text: input.text,
      ...(ctx.caller.residentId ? { writerResidentId: ctx.caller.residentId } : {}),
      writerName,
      proxy,
      ...(words.length ? { emergency: true } : {}),
      ...(input.photos.length
        ? {
            photos: input.photos.map((p) => ({
              fileId: p.fileId,
              thumbFileId: p.thumbFileId,
              status: 'pending' as const,
              checks: { photo: 'pending' as const, thumb: 'pending' as const },
            })),
          }
        : {}),
      createdAt: ctx.now,
    });
    for (const [i, traceId] of traceIds.entries())
      await consults.addMediaInTx(t, {
        _id: consults.mediaIdOf(traceId),
        messageId,
        consultId: id,
        residentId: rid,
        index: i >> 1,
        part: i % 2 ? 'thumb' : 'photo',
        verdict: 'pending',
        createdAt: ctx.now,
      });
    return due;
  });
  return {
    consultId: id,
    messageId,
    dueAt,
    dueText: dueText(dueAt),
    emergency: words.length > 0,
    emergencyWords: words,
    ...(words.length ? { emergencyPhone: EMERGENCY_PHONE } : {}),
    ...(words.length && team?.institutionPhone ? { teamPhone: team.institutionPhone } : {}),
    photosPending: input.photos.length,
  };
}

/** Resident side: their (or a family member's) conversation. Team side: by id, audited. */
export async function threadHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId?: string; consultId?: string; limit: number };
}): Promise<OutputOf<typeof thread>> {
  if (ctx.caller.role === 'resident') {
    const rid = input.residentId ?? ctx.caller.residentId;
    if (!rid) refuse('CONSULT_NOT_FOUND');
    ctx.authorize({ residentId: rid });
    const c = await consults.findById(ctx.db, consults.consultIdOf(rid));
    if (!c) return { conversation: null, messages: [] };
    const [team, messages] = await Promise.all([
      teams.recordById(ctx.db, c.teamId),
      consults.messagesOf(ctx.db, c._id, input.limit),
    ]);
    return {
      conversation: conversationView(c, team?.name ?? '家庭医生团队', ctx.now),
      messages: await threadView(messages, 'resident'),
    };
  }
  // Staff name the conversation, or the resident whose conversation it is.
  const id = input.consultId ?? (input.residentId ? consults.consultIdOf(input.residentId) : undefined);
  if (!id) refuse('CONSULT_NOT_FOUND');
  const c = await consults.findById(ctx.db, id);
  // Generic NOT_FOUND: another team's staff must not learn whether a stranger has a conversation.
  if (!c) refuse('NOT_FOUND');
  ctx.authorize({ teamId: c.teamId });
  ctx.audit({ event: 'consult.read', subject: { residentId: c.residentId } });
  const [team, messages] = await Promise.all([
    teams.recordById(ctx.db, c.teamId),
    consults.messagesOf(ctx.db, c._id, input.limit),
  ]);
  return {
    conversation: conversationView(c, team?.name ?? '家庭医生团队', ctx.now),
    messages: await threadView(messages, 'team'),
  };
}

/**
 * The resident turned the conversation into a booking or a home-visit request (the page's quick
 * action): a system line in the thread and a link on the conversation, so the team sees it. Does
 * not make the conversation await an answer.
 */
export async function linkHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { residentId?: string; kind: 'booking' | 'homeVisit'; refId?: string };
}): Promise<OutputOf<typeof link>> {
  const { rid, live } = await signedScope(ctx, input.residentId);
  const id = consults.consultIdOf(rid);
  await inTransaction(ctx.db, async (t) => {
    const cur = await consults.getInTx(t, id);
    const entry = { kind: input.kind, at: ctx.now, ...(input.refId ? { refId: input.refId } : {}) };
    // Bounded: the last 20 links are kept on the conversation; the thread keeps every line.
    const links = [...(cur?.links ?? []), entry].slice(-20);
    if (cur) await consults.updateInTx(t, id, { links, lastAt: ctx.now });
    else
      await consults.putInTx(t, {
        _id: id,
        residentId: rid,
        teamId: live.teamId,
        status: 'open',
        awaiting: false,
        dueAt: null,
        askedAt: null,
        lastAt: ctx.now,
        lastFrom: 'resident',
        messageCount: 0,
        createdAt: ctx.now,
        links,
      });
    await consults.addMessageInTx(t, {
      _id: `${id}_${ctx.now.getTime()}_${randomBytes(3).toString('hex')}`,
      consultId: id,
      residentId: rid,
      teamId: cur?.teamId ?? live.teamId,
      from: 'resident',
      text: input.kind === 'booking' ? '已根据本次咨询发起预约就诊' : '已根据本次咨询申请上门服务',
      link: { kind: input.kind, ...(input.refId ? { refId: input.refId } : {}) },
      createdAt: ctx.now,
    });
  });
  return { consultId: id, kind: input.kind };
}
