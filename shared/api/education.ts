import { ZAudienceRule } from '../education/audience';
import { ZBlock, ZBody } from '../education/body';
import { LIVE_CHANNELS } from '../education/live';
import { ARTICLE_STATUSES } from '../education/status';
import { TOPICS } from '../education/topics';
import { defineAction } from './define';
import { zDay, zId, zInstant, zReason } from './fields';
import { z } from './zod';

// Authors are doctors (their team) and institution admins (their institution); only admins review.
const AUTHORS = { doctor: 'team', institution_admin: 'institution' } as const;
const ANYONE = {
  resident: 'public',
  doctor: 'public',
  grid_worker: 'public',
  institution_admin: 'public',
  district_admin: 'public',
} as const;

const zTitle = z.string().trim().min(4, { error: '标题4–40字' }).max(40, { error: '标题4–40字' });
const zSummary = z.string().trim().min(1, { error: '请填写摘要' }).max(120, { error: '摘要最多120字' });
const zTopics = z.array(z.enum(TOPICS)).min(1, { error: '请至少选择一个主题' }).max(4);

export const ZArticleInput = z.object({ title: zTitle, summary: zSummary, body: ZBody, topics: zTopics });
export type TArticleInput = z.output<typeof ZArticleInput>;

/** A block as shown: images carry a temporary download URL. */
// The image-with-URL shape first: a union keeps the first match, and ZBlock's image would strip the URL.
export const ZBlockView = z.union([
  z.object({ type: z.literal('image'), fileId: z.string(), caption: z.string().optional(), url: z.string() }),
  ZBlock,
]);

export const ZArticleSummary = z.object({
  articleId: zId,
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.enum(TOPICS)),
  status: z.enum(ARTICLE_STATUSES),
  authorName: z.string(),
  teamId: z.string().optional(),
  coverUrl: z.string().optional(),
  updatedAt: zInstant,
  rejectReason: z.string().optional(),
});
export type TArticleSummary = z.output<typeof ZArticleSummary>;

export const ZArticleView = ZArticleSummary.extend({ body: z.array(ZBlockView) });
export type TArticleView = z.output<typeof ZArticleView>;

/** Write a new draft (body sanitised on the server). */
export const draft = defineAction({
  fn: 'education',
  action: 'draft',
  summary: 'Write a new article draft',
  input: ZArticleInput,
  output: ZArticleView,
  errors: [],
  access: AUTHORS,
});

export const ZUpdateArticleInput = ZArticleInput.extend({ articleId: zId });
export const update = defineAction({
  fn: 'education',
  action: 'update',
  summary: 'Edit a draft or a rejected article',
  input: ZUpdateArticleInput,
  output: ZArticleView,
  errors: ['ARTICLE_NOT_FOUND', 'ARTICLE_NOT_EDITABLE'],
  access: AUTHORS,
});

const ZArticleRef = z.object({ articleId: zId });
export const submit = defineAction({
  fn: 'education',
  action: 'submit',
  summary: 'Submit an article for review',
  input: ZArticleRef,
  output: ZArticleSummary,
  errors: ['ARTICLE_NOT_FOUND', 'ARTICLE_NOT_EDITABLE'],
  access: AUTHORS,
});

export const approve = defineAction({
  fn: 'education',
  action: 'approve',
  summary: 'Approve an article in review (institution admin)',
  input: ZArticleRef,
  output: ZArticleSummary,
  errors: ['ARTICLE_NOT_FOUND', 'ARTICLE_NOT_IN_REVIEW'],
  access: { institution_admin: 'institution' },
});

export const reject = defineAction({
  fn: 'education',
  action: 'reject',
  summary: 'Send an article back with a reason (institution admin)',
  input: ZArticleRef.extend({ reason: zReason }),
  output: ZArticleSummary,
  errors: ['ARTICLE_NOT_FOUND', 'ARTICLE_NOT_IN_REVIEW', 'REASON_REQUIRED'],
  access: { institution_admin: 'institution' },
});

/** Staff list: a doctor's team articles, an admin's institution (the review queue with status). */
export const articles = defineAction({
  fn: 'education',
  action: 'articles',
  summary: 'Articles of my team or institution',
  input: z.object({ status: z.enum(ARTICLE_STATUSES).optional() }),
  output: z.object({ articles: z.array(ZArticleSummary) }),
  errors: [],
  access: AUTHORS,
});

/** One article: anyone may read an approved one; drafts only within the author's reach. */
export const article = defineAction({
  fn: 'education',
  action: 'article',
  summary: 'Read one article',
  input: ZArticleRef,
  output: ZArticleView,
  errors: ['ARTICLE_NOT_FOUND'],
  access: ANYONE,
});

export const ZAudienceInput = z.object({ articleId: zId, rule: ZAudienceRule });
/** How many residents a rule selects today — a count, never names. */
export const previewAudience = defineAction({
  fn: 'education',
  action: 'previewAudience',
  summary: 'Count the residents an audience rule selects',
  input: ZAudienceInput,
  output: z.object({ count: z.number().int().min(0), day: zDay }),
  errors: ['ARTICLE_NOT_FOUND'],
  access: AUTHORS,
});

export const ZPushResult = z.object({
  campaignId: zId,
  status: z.enum(['scheduled', 'sending', 'done']),
  sendOn: zDay,
  matched: z.number().int(),
  delivered: z.number().int(),
  alreadyPushed: z.number().int(),
  weeklyCap: z.number().int(),
});
export type TPushResult = z.output<typeof ZPushResult>;

/** Push an approved article to an audience rule, today or on a later Shanghai day. */
export const push = defineAction({
  fn: 'education',
  action: 'push',
  summary: 'Push an approved article to an audience (now or on a day)',
  input: ZAudienceInput.extend({ sendOn: zDay.optional() }),
  output: ZPushResult,
  errors: ['ARTICLE_NOT_FOUND', 'ARTICLE_NOT_APPROVED', 'SEND_DAY_IN_PAST'],
  access: AUTHORS,
});

export const ZFeedItem = z.object({
  articleId: zId,
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.enum(TOPICS)),
  coverUrl: z.string().optional(),
  /** Pushed to me or matching my or my family's key populations. */
  forMe: z.boolean(),
  pushed: z.boolean(),
  opened: z.boolean(),
  readToEnd: z.boolean(),
  publishedAt: zInstant,
});
export type TFeedItem = z.output<typeof ZFeedItem>;

/** The 健康 tab: articles for me first, then the rest, with read state. */
export const feed = defineAction({
  fn: 'education',
  action: 'feed',
  summary: "Approved articles, the resident's own first",
  input: z.object({}),
  output: z.object({ items: z.array(ZFeedItem) }),
  errors: [],
  access: { resident: 'own' },
});

export const markRead = defineAction({
  fn: 'education',
  action: 'markRead',
  summary: 'Record that I opened an article or read it to the end',
  input: ZArticleRef.extend({ progress: z.enum(['opened', 'read_to_end']) }),
  output: z.object({ opened: z.boolean(), readToEnd: z.boolean() }),
  errors: ['ARTICLE_NOT_FOUND'],
  access: { resident: 'own' },
});

export const ZReach = z.object({
  pushed: z.number().int(),
  delivered: z.object({ inApp: z.number().int(), wechat: z.number().int() }),
  opened: z.number().int(),
  readToEnd: z.number().int(),
});
export type TReach = z.output<typeof ZReach>;

/** Reach of one article, or of one team's pushes (counts only). */
export const reach = defineAction({
  fn: 'education',
  action: 'reach',
  summary: 'Pushed, delivered per channel, opened, read to the end',
  input: z
    .object({ articleId: zId.optional(), teamId: zId.optional() })
    .refine((i) => Boolean(i.articleId) !== Boolean(i.teamId), { error: '请指定文章或团队之一' }),
  output: ZReach,
  errors: ['ARTICLE_NOT_FOUND', 'TEAM_NOT_FOUND'],
  access: AUTHORS,
});

export const ZLiveInput = z.object({
  title: z.string().trim().min(4).max(40),
  speaker: z.string().trim().min(2).max(30),
  startsAt: zInstant,
  durationMinutes: z.number().int().min(1).max(600),
  channel: z.enum(LIVE_CHANNELS),
  channelRef: z.string().trim().min(2).max(200),
  topics: z.array(z.enum(TOPICS)).max(4).default([]),
});
export type TLiveInput = z.output<typeof ZLiveInput>;

export const ZLiveView = z.object({
  sessionId: zId,
  title: z.string(),
  speaker: z.string(),
  startsAt: zInstant,
  durationMinutes: z.number().int(),
  channel: z.enum(LIVE_CHANNELS),
  channelRef: z.string(),
  topics: z.array(z.enum(TOPICS)),
  registrations: z.number().int(),
  questions: z.number().int(),
  registered: z.boolean(),
});
export type TLiveView = z.output<typeof ZLiveView>;

/** A district hospital schedules its weekly live session (≥ 30 minutes, POLICY.md). */
export const scheduleLive = defineAction({
  fn: 'education',
  action: 'scheduleLive',
  summary: 'Schedule a health live session',
  input: ZLiveInput,
  output: ZLiveView,
  errors: ['LIVE_TOO_SHORT', 'LIVE_TOO_LONG', 'LIVE_IN_PAST'],
  access: { institution_admin: 'institution' },
});

export const liveSessions = defineAction({
  fn: 'education',
  action: 'liveSessions',
  summary: 'Upcoming live sessions of my district',
  input: z.object({}),
  output: z.object({ sessions: z.array(ZLiveView) }),
  errors: [],
  access: ANYONE,
});

const ZSessionRef = z.object({ sessionId: zId });
export const registerLive = defineAction({
  fn: 'education',
  action: 'registerLive',
  summary: 'Register for a live session (a reminder goes out before it starts)',
  input: ZSessionRef,
  output: ZLiveView,
  errors: ['LIVE_NOT_FOUND', 'LIVE_IN_PAST'],
  access: { resident: 'own' },
});

export const askQuestion = defineAction({
  fn: 'education',
  action: 'askQuestion',
  summary: 'Ask the host a question before the session',
  input: ZSessionRef.extend({ text: z.string().trim().min(2).max(200) }),
  output: z.object({ questionId: zId }),
  errors: ['LIVE_NOT_FOUND', 'LIVE_IN_PAST'],
  access: { resident: 'own' },
});

export const liveQuestions = defineAction({
  fn: 'education',
  action: 'liveQuestions',
  summary: 'Questions for the host (asker masked)',
  input: ZSessionRef,
  output: z.object({
    questions: z.array(
      z.object({ questionId: zId, askerLabel: z.string(), text: z.string(), askedAt: zInstant }),
    ),
  }),
  errors: ['LIVE_NOT_FOUND'],
  access: { institution_admin: 'institution' },
});

export const EDUCATION_ACTIONS = [
  draft,
  update,
  submit,
  approve,
  reject,
  articles,
  article,
  previewAudience,
  push,
  feed,
  markRead,
  reach,
  scheduleLive,
  liveSessions,
  registerLive,
  askQuestion,
  liveQuestions,
] as const;
