import { inScope, type Target } from '@shared/api/authorize';
import { COLLECTIONS } from '@shared/constants/collections';
import type { ArticleDoc } from '@shared/db/schemas/articles';
import { refuse } from '../../_lib/errors';
import type { HandlerContext } from '../../_lib/guard';

/** Where an article sits, from the stored record (never ids the caller chose). */
export const articleTarget = (a: Pick<ArticleDoc, 'teamId' | 'institutionId' | 'districtId'>): Target => ({
  ...(a.teamId ? { teamId: a.teamId } : {}),
  institutionId: a.institutionId,
  ...(a.districtId ? { districtId: a.districtId } : {}),
});

/** Loads a whole article or answers ARTICLE_NOT_FOUND. */
export async function loadArticle(ctx: HandlerContext, id: string): Promise<ArticleDoc> {
  const { data } = await ctx.db.collection(COLLECTIONS.articles).doc(id).get();
  const a = data[0] as ArticleDoc | undefined;
  if (!a) refuse('ARTICLE_NOT_FOUND');
  return a;
}

/**
 * The author-side check: a doctor reaches their team's articles, an admin their institution's.
 * A library article (approved, district-wide) is open to every author for pushing.
 */
export function authorizeAuthor(
  ctx: HandlerContext,
  a: ArticleDoc,
  opts: { libraryOpen?: boolean } = {},
): void {
  if (opts.libraryOpen && a.library && a.status === 'approved') {
    ctx.authorize(ownReach(ctx));
    return;
  }
  ctx.authorize(articleTarget(a));
}

/** A target inside the caller's own reach (their first team, their institution). */
export const ownReach = (ctx: HandlerContext): Target => ({
  ...(ctx.caller.teamIds?.[0] ? { teamId: ctx.caller.teamIds[0] } : {}),
  ...(ctx.caller.institutionId ? { institutionId: ctx.caller.institutionId } : {}),
});

/** True when a staff caller may see an unpublished article (author side, at their role's scope). */
export function staffMaySee(ctx: HandlerContext, a: ArticleDoc): boolean {
  const c = ctx.caller;
  if (c.role === 'doctor') return inScope('team', c, articleTarget(a));
  if (c.role === 'institution_admin') return inScope('institution', c, articleTarget(a));
  if (c.role === 'district_admin') return inScope('district', c, articleTarget(a));
  return false;
}
