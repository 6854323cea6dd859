/**
 * Article life: draft → in_review → approved (pushable) or rejected (back to editing). Only the
 * author edits drafts and rejected articles; only an institution admin approves (review before any
 * push, issue #16); an edit of a rejected article returns it to draft.
 */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'rejected'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  approved: '已通过',
  rejected: '已退回',
};

export const canEdit = (s: ArticleStatus): boolean => s === 'draft' || s === 'rejected';
export const canSubmit = (s: ArticleStatus): boolean => s === 'draft' || s === 'rejected';
export const canReview = (s: ArticleStatus): boolean => s === 'in_review';
export const canPush = (s: ArticleStatus): boolean => s === 'approved';
