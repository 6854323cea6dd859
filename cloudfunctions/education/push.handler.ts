import type { previewAudience, push } from '@shared/api/education';
import type { ArticleDoc, CampaignDoc } from '@shared/db/schemas/articles';
import { canPush, type TAudienceRule } from '@shared/education';
import { shanghaiDay } from '@shared/time';
import * as articles from '../_data/articles.repo';
import { refuse } from '../_lib/errors';
import type { Handler, HandlerContext } from '../_lib/guard';
import { authorizeAuthor, loadArticle } from './support/access';
import { countAudience } from './support/audience';
import { runCampaign } from './support/fanout';
import { newId } from './support/ids';

/** Time a push may spend fanning out inline before the rest is left to the scheduler. */
const INLINE_BUDGET_MS = 20_000;

/**
 * The residents an author may target: their institution's. A doctor naming a team may name only
 * their own (a team's signed residents are that team's to address).
 */
function audienceBase(ctx: HandlerContext, a: ArticleDoc, rule: TAudienceRule): string {
  authorizeAuthor(ctx, a, { libraryOpen: true });
  const c = ctx.caller;
  if (c.role === 'doctor' && rule.teamId && !(c.teamIds ?? []).includes(rule.teamId)) refuse('OUT_OF_SCOPE');
  const institutionId = c.institutionId;
  if (!institutionId) refuse('FORBIDDEN');
  return institutionId;
}

/** previewAudience: the count the rule selects today, never names. ~2 requests per 500 candidates. */
export const previewAudienceHandler: Handler<typeof previewAudience> = async ({ ctx, input }) => {
  const a = await loadArticle(ctx, input.articleId);
  const institutionId = audienceBase(ctx, a, input.rule);
  const day = shanghaiDay(ctx.now);
  return { count: await countAudience(ctx.db, institutionId, input.rule, day), day };
};

/**
 * push: only an approved article (review before any push). Today → fan out now (inline up to a
 * budget, the rest resumed by the scheduler); a later day → a scheduled campaign whose rule is
 * evaluated on that day.
 */
export const pushHandler: Handler<typeof push> = async ({ ctx, input }) => {
  const a = await loadArticle(ctx, input.articleId);
  const institutionId = audienceBase(ctx, a, input.rule);
  if (!canPush(a.status)) refuse('ARTICLE_NOT_APPROVED');
  const today = shanghaiDay(ctx.now);
  const sendOn = input.sendOn ?? today;
  if (sendOn < today) refuse('SEND_DAY_IN_PAST');
  const c = ctx.caller;
  const teamId = input.rule.teamId ?? (c.role === 'doctor' ? c.teamIds?.[0] : undefined);
  const campaign: CampaignDoc = {
    _id: newId('cmp'),
    articleId: a._id,
    institutionId,
    ...(teamId ? { teamId } : {}),
    pushedByStaffId: c.staffId ?? '',
    rule: input.rule,
    sendOn,
    status: 'scheduled',
    matched: 0,
    delivered: 0,
    alreadyPushed: 0,
    weeklyCap: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await articles.createCampaign(ctx.db, campaign);
  const ran =
    sendOn === today
      ? await runCampaign(ctx.db, campaign, a, ctx.now, Date.now() + INLINE_BUDGET_MS)
      : campaign;
  return {
    campaignId: ran._id,
    status: ran.status,
    sendOn,
    matched: ran.matched,
    delivered: ran.delivered,
    alreadyPushed: ran.alreadyPushed,
    weeklyCap: ran.weeklyCap,
  };
};
