import { z } from '../../api/zod';
import { ZAudienceRule } from '../../education/audience';
import { ZBlock } from '../../education/body';
import { ARTICLE_STATUSES } from '../../education/status';
import { TOPICS } from '../../education/topics';

/** A health-education article (issue #16): body stored sanitised, pushable once approved. */
export const ZArticleDoc = z.object({
  _id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.array(ZBlock),
  topics: z.array(z.enum(TOPICS)),
  /** First image of the body, for list cards. */
  coverFileId: z.string().optional(),
  status: z.enum(ARTICLE_STATUSES),
  authorStaffId: z.string(),
  authorName: z.string(),
  /** The author's team (doctors) — decides who else on the team may edit and push. */
  teamId: z.string().optional(),
  institutionId: z.string(),
  districtId: z.string().optional(),
  submittedAt: z.date().optional(),
  reviewedAt: z.date().optional(),
  reviewerStaffId: z.string().optional(),
  rejectReason: z.string().optional(),
  /** Seed library articles are visible district-wide. */
  library: z.boolean().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ArticleDoc = z.infer<typeof ZArticleDoc>;

export const CAMPAIGN_STATUSES = ['scheduled', 'sending', 'done'] as const;

/**
 * One push of an article to an audience rule. The rule is evaluated when the campaign runs (its
 * send day), page by page; `cursor` is the last resident id handled, so a run cut short resumes.
 */
export const ZCampaignDoc = z.object({
  _id: z.string(),
  articleId: z.string(),
  institutionId: z.string(),
  teamId: z.string().optional(),
  pushedByStaffId: z.string(),
  rule: ZAudienceRule,
  sendOn: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  cursor: z.string().optional(),
  matched: z.number().int(),
  delivered: z.number().int(),
  alreadyPushed: z.number().int(),
  weeklyCap: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().optional(),
});
export type CampaignDoc = z.infer<typeof ZCampaignDoc>;
