import type { TArticleSummary, TArticleView } from '@shared/api/education';
import type { ArticleDoc } from '@shared/db/schemas/articles';
import type { ArticleListItem } from '../../_data/articles.repo';
import { downloadUrls } from './files';

/** The list card of an article (cover URL resolved by the caller in one batch). */
export const summaryView = (a: ArticleListItem, urls: Map<string, string>): TArticleSummary => ({
  articleId: a._id,
  title: a.title,
  summary: a.summary,
  topics: a.topics,
  status: a.status,
  authorName: a.authorName,
  ...(a.teamId ? { teamId: a.teamId } : {}),
  ...(a.coverFileId && urls.get(a.coverFileId) ? { coverUrl: urls.get(a.coverFileId) } : {}),
  updatedAt: new Date(a.updatedAt).toISOString(),
  ...(a.rejectReason && a.status === 'rejected' ? { rejectReason: a.rejectReason } : {}),
});

/** Summaries of several articles with their covers resolved in one storage request. */
export async function summaries(list: readonly ArticleListItem[]): Promise<TArticleSummary[]> {
  const urls = await downloadUrls(list.flatMap((a) => (a.coverFileId ? [a.coverFileId] : [])));
  return list.map((a) => summaryView(a, urls));
}

/** The whole article, images with download URLs. */
export async function articleView(a: ArticleDoc): Promise<TArticleView> {
  const ids = a.body.flatMap((b) => (b.type === 'image' ? [b.fileId] : []));
  const urls = await downloadUrls(ids);
  return {
    ...summaryView(a, urls),
    body: a.body.map((b) => (b.type === 'image' ? { ...b, url: urls.get(b.fileId) ?? '' } : b)),
  };
}
