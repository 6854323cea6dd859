import type {
  approve,
  article,
  articles as articlesDef,
  draft,
  reject,
  submit,
  TArticleInput,
  update,
} from '@shared/api/education';
import { COLLECTIONS } from '@shared/constants/collections';
import type { ArticleDoc } from '@shared/db/schemas/articles';
import { canEdit, canReview, canSubmit, imageFileIds, sanitizeBody, sanitizeText } from '@shared/education';
import * as articles from '../_data/articles.repo';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { articleTarget, authorizeAuthor, loadArticle, ownReach, staffMaySee } from './support/access';
import { newId } from './support/ids';
import { articleView, summaries } from './support/views';

/** Title, summary and body as stored: every string cleaned on the server, whatever the client sent. */
const cleaned = (input: TArticleInput) => {
  const body = sanitizeBody(input.body);
  if (body.length === 0) refuse('BAD_INPUT');
  return {
    title: sanitizeText(input.title) || '未命名',
    summary: sanitizeText(input.summary),
    body,
    topics: [...new Set(input.topics)],
    ...(imageFileIds(body)[0] ? { coverFileId: imageFileIds(body)[0] } : {}),
  };
};

async function staffName(ctx: HandlerContext): Promise<string> {
  if (!ctx.caller.staffId) return '';
  const { data } = await ctx.db
    .collection(COLLECTIONS.staff)
    .doc(ctx.caller.staffId)
    .field({ name: true })
    .get();
  return (data[0] as { name?: string } | undefined)?.name ?? '';
}

/** draft: a doctor's article belongs to their (first) team; an admin's to the institution. 2–3 requests. */
export const draftHandler: Handler<typeof draft> = async ({ ctx, input }) => {
  const c = ctx.caller;
  const teamId = c.role === 'doctor' ? c.teamIds?.[0] : undefined;
  if (!c.institutionId || (c.role === 'doctor' && !teamId)) refuse('FORBIDDEN');
  const target = { ...(teamId ? { teamId } : {}), institutionId: c.institutionId };
  ctx.authorize(target);
  const doc: ArticleDoc = {
    _id: newId('art'),
    ...cleaned(input),
    status: 'draft',
    authorStaffId: c.staffId ?? '',
    authorName: await staffName(ctx),
    ...target,
    ...(c.districtId ? { districtId: c.districtId } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await articles.create(ctx.db, doc);
  return articleView(doc);
};

/** update: drafts and rejected articles only; a rejected one goes back to draft. 2–3 requests. */
export const updateHandler: Handler<typeof update> = async ({ ctx, input }) => {
  const a = await loadArticle(ctx, input.articleId);
  authorizeAuthor(ctx, a);
  if (!canEdit(a.status)) refuse('ARTICLE_NOT_EDITABLE');
  const patch = { ...cleaned(input), status: 'draft' as const, updatedAt: ctx.now };
  if (!(await articles.transition(ctx.db, a._id, ['draft', 'rejected'], patch)))
    refuse('ARTICLE_NOT_EDITABLE');
  const next = { ...a, ...patch };
  if (!patch.coverFileId) delete next.coverFileId;
  return articleView(next);
};

/** submit: draft/rejected → in_review. */
export const submitHandler: Handler<typeof submit> = async ({ ctx, input }) => {
  const a = await loadArticle(ctx, input.articleId);
  authorizeAuthor(ctx, a);
  if (!canSubmit(a.status)) refuse('ARTICLE_NOT_EDITABLE');
  const ok = await articles.transition(ctx.db, a._id, ['draft', 'rejected'], {
    status: 'in_review',
    submittedAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!ok) refuse('ARTICLE_NOT_EDITABLE');
  const [view] = await summaries([{ ...a, status: 'in_review', updatedAt: ctx.now }]);
  if (!view) refuse('INTERNAL');
  return view;
};

const review =
  (decision: 'approved' | 'rejected'): Handler<typeof approve | typeof reject> =>
  async ({ ctx, input }) => {
    const a = await loadArticle(ctx, input.articleId);
    ctx.authorize(articleTarget(a));
    if (!canReview(a.status)) refuse('ARTICLE_NOT_IN_REVIEW');
    const reason = 'reason' in input ? sanitizeText(String(input.reason)) : undefined;
    if (decision === 'rejected' && !reason) refuse('REASON_REQUIRED');
    const patch: Partial<ArticleDoc> = {
      status: decision,
      reviewedAt: ctx.now,
      reviewerStaffId: ctx.caller.staffId ?? '',
      updatedAt: ctx.now,
      ...(reason ? { rejectReason: reason } : {}),
    };
    if (!(await articles.transition(ctx.db, a._id, ['in_review'], patch))) refuse('ARTICLE_NOT_IN_REVIEW');
    const [view] = await summaries([{ ...a, ...patch } as ArticleDoc]);
    if (!view) refuse('INTERNAL');
    return view;
  };

/** approve: an institution admin releases the article for pushing. */
export const approveHandler = review('approved') as Handler<typeof approve>;
/** reject: back to the author with a reason. */
export const rejectHandler = review('rejected') as Handler<typeof reject>;

/** articles: a doctor's team articles; an admin's institution (with status for the review queue). */
export const articlesHandler: Handler<typeof articlesDef> = async ({ ctx, input }) => {
  const c = ctx.caller;
  ctx.authorize(ownReach(ctx));
  const list =
    c.role === 'doctor'
      ? await articles.listFor(ctx.db, { teamIds: c.teamIds ?? [], status: input.status })
      : await articles.listFor(ctx.db, { institutionId: c.institutionId ?? '-', status: input.status });
  return { articles: await summaries(list) };
};

/** article: approved ones are public reading; others only within the author side's reach. */
export const articleHandler: Handler<typeof article> = async ({ ctx, input }) => {
  const a = await loadArticle(ctx, input.articleId);
  if (a.status !== 'approved' && !staffMaySee(ctx, a)) refuse('ARTICLE_NOT_FOUND');
  return articleView(a);
};
