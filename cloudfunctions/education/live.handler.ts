import type {
  askQuestion,
  liveQuestions,
  liveSessions,
  registerLive,
  scheduleLive,
  TLiveView,
} from '@shared/api/education';
import { COLLECTIONS } from '@shared/constants/collections';
import type { LiveRegistrationDoc, LiveSessionDoc } from '@shared/db/schemas/liveSessions';
import { checkLiveDuration, EDUCATION_CONFIG, liveReminderId } from '@shared/education';
import type { Topic } from '@shared/education/topics';
import { getInTx } from '../_data/deliveries.repo';
import * as live from '../_data/liveSessions.repo';
import { enqueueInTx } from '../_data/outbox.repo';
import { nameOf } from '../_data/residents.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { newId } from './support/ids';

const view = (s: LiveSessionDoc, registered: boolean): TLiveView => ({
  sessionId: s._id,
  title: s.title,
  speaker: s.speaker,
  startsAt: new Date(s.startsAt).toISOString(),
  durationMinutes: s.durationMinutes,
  channel: s.channel,
  channelRef: s.channelRef,
  topics: s.topics as Topic[],
  registrations: s.registrations,
  questions: s.questions,
  registered,
});

/**
 * scheduleLive: POLICY.md "district hospitals — weekly health live stream, ≥ 30 minutes, with
 * resident Q&A". A 25-minute session is refused (LIVE_TOO_SHORT carries the policy's reason).
 */
export const scheduleLiveHandler: Handler<typeof scheduleLive> = async ({ ctx, input }) => {
  const c = ctx.caller;
  ctx.authorize({ institutionId: c.institutionId });
  const check = checkLiveDuration(input.durationMinutes, EDUCATION_CONFIG);
  if (check === 'too_short') refuse('LIVE_TOO_SHORT');
  if (check === 'too_long') refuse('LIVE_TOO_LONG');
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() <= ctx.now.getTime()) refuse('LIVE_IN_PAST');
  if (input.channel === 'link' && !/^https:\/\//.test(input.channelRef)) refuse('BAD_INPUT');
  const doc: LiveSessionDoc = {
    _id: newId('live'),
    institutionId: c.institutionId ?? '',
    ...(c.districtId ? { districtId: c.districtId } : {}),
    title: input.title,
    speaker: input.speaker,
    startsAt,
    durationMinutes: input.durationMinutes,
    channel: input.channel,
    channelRef: input.channelRef,
    topics: input.topics,
    registrations: 0,
    questions: 0,
    createdByStaffId: c.staffId ?? '',
    createdAt: ctx.now,
  };
  await live.create(ctx.db, doc);
  return view(doc, false);
};

async function districtOfCaller(ctx: HandlerContext): Promise<string | undefined> {
  if (ctx.caller.districtId) return ctx.caller.districtId;
  if (!ctx.caller.residentId) return undefined;
  const { data } = await ctx.db
    .collection(COLLECTIONS.residents)
    .doc(ctx.caller.residentId)
    .field({ districtId: true })
    .get();
  return (data[0] as { districtId?: string } | undefined)?.districtId;
}

/** liveSessions: upcoming sessions of my district (residents), or my institution's (hosts). */
export const liveSessionsHandler: Handler<typeof liveSessions> = async ({ ctx }) => {
  const c = ctx.caller;
  const sessions =
    c.role === 'institution_admin' || c.role === 'doctor'
      ? await live.upcoming(ctx.db, { institutionId: c.institutionId ?? '-' }, ctx.now)
      : await live.upcoming(ctx.db, { districtId: (await districtOfCaller(ctx)) ?? '-' }, ctx.now);
  const mine = c.residentId
    ? await live.registeredOf(
        ctx.db,
        c.residentId,
        sessions.map((s) => s._id),
      )
    : new Set<string>();
  return { sessions: sessions.map((s) => view(s, mine.has(s._id))) };
};

async function openSession(ctx: HandlerContext, id: string): Promise<LiveSessionDoc> {
  const s = await live.findById(ctx.db, id);
  if (!s) refuse('LIVE_NOT_FOUND');
  const end = new Date(s.startsAt).getTime() + s.durationMinutes * 60_000;
  if (end <= ctx.now.getTime()) refuse('LIVE_IN_PAST');
  return s;
}

/**
 * registerLive: one registration per resident (deterministic id), the session's counter and the
 * reminder (outbox, `liveReminderMinutes` before the start) in one transaction; registering
 * twice changes nothing.
 */
export const registerLiveHandler: Handler<typeof registerLive> = async ({ ctx, input }) => {
  const me = ctx.caller.residentId;
  if (!me) refuse('NOT_VERIFIED');
  ctx.authorize({ residentId: me });
  const s = await openSession(ctx, input.sessionId);
  const regId = `${s._id}__${me}`;
  const registrations = await inTransaction(ctx.db, async (t) => {
    const cur = await getInTx<LiveRegistrationDoc>(t, COLLECTIONS.liveRegistrations, regId);
    const session = await getInTx<LiveSessionDoc>(t, COLLECTIONS.liveSessions, s._id);
    const n = session?.registrations ?? 0;
    if (cur) return n;
    const reg: Omit<LiveRegistrationDoc, '_id'> = { sessionId: s._id, residentId: me, createdAt: ctx.now };
    await t.collection(COLLECTIONS.liveRegistrations).doc(regId).set(reg);
    await t
      .collection(COLLECTIONS.liveSessions)
      .doc(s._id)
      .update({ registrations: n + 1 });
    const startsAt = new Date(s.startsAt);
    const remindAt = new Date(startsAt.getTime() - EDUCATION_CONFIG.liveReminderMinutes * 60_000);
    await enqueueInTx(
      t,
      {
        _id: liveReminderId(s._id, me),
        kind: 'education.liveReminder',
        to: { residentId: me },
        title: '健康直播即将开始',
        body: `${s.title}（${s.speaker}）`,
        page: '/pages/health/index',
        sendAfter: remindAt > ctx.now ? remindAt : ctx.now,
        ref: { kind: 'liveSession', id: s._id },
      },
      ctx.now,
    );
    return n + 1;
  });
  return view({ ...s, registrations }, true);
};

/** askQuestion: a question for the host before the session; the asker is shown masked. */
export const askQuestionHandler: Handler<typeof askQuestion> = async ({ ctx, input }) => {
  const me = ctx.caller.residentId;
  if (!me) refuse('NOT_VERIFIED');
  ctx.authorize({ residentId: me });
  const s = await openSession(ctx, input.sessionId);
  const name = (await nameOf(ctx.db, me)) ?? '';
  const questionId = newId('q');
  await ctx.db
    .collection(COLLECTIONS.liveQuestions)
    .doc(questionId)
    .set({
      sessionId: s._id,
      residentId: me,
      askerLabel: name ? `${name.slice(0, 1)}**` : '居民',
      text: input.text,
      createdAt: ctx.now,
    });
  await ctx.db
    .collection(COLLECTIONS.liveSessions)
    .doc(s._id)
    .update({ questions: ctx.db.command.inc(1) });
  return { questionId };
};

/** liveQuestions: the host's list, oldest first, asker masked (never a full name). */
export const liveQuestionsHandler: Handler<typeof liveQuestions> = async ({ ctx, input }) => {
  const s = await live.findById(ctx.db, input.sessionId);
  if (!s) refuse('LIVE_NOT_FOUND');
  ctx.authorize({ institutionId: s.institutionId });
  const qs = await live.questionsOf(ctx.db, s._id);
  return {
    questions: qs.map((q) => ({
      questionId: q._id,
      askerLabel: q.askerLabel,
      text: q.text,
      askedAt: new Date(q.createdAt).toISOString(),
    })),
  };
};
