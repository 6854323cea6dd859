import {
  approve,
  article,
  articles,
  askQuestion,
  draft,
  feed,
  liveQuestions,
  liveSessions,
  markRead,
  previewAudience,
  push,
  reach,
  registerLive,
  reject,
  scheduleLive,
  submit,
  update,
} from '@shared/api/education';
import { bind, createGuardedFunction } from '../_lib/guard';
import {
  approveHandler,
  articleHandler,
  articlesHandler,
  draftHandler,
  rejectHandler,
  submitHandler,
  updateHandler,
} from './article.handler';
import { feedHandler, markReadHandler, reachHandler } from './feed.handler';
import {
  askQuestionHandler,
  liveQuestionsHandler,
  liveSessionsHandler,
  registerLiveHandler,
  scheduleLiveHandler,
} from './live.handler';
import { previewAudienceHandler, pushHandler } from './push.handler';

export { runDueCampaigns } from './support/fanout';

/** The `education` function: every action in shared/api/education.ts, each behind the guard. */
export const main = createGuardedFunction('education', [
  bind(draft, draftHandler),
  bind(update, updateHandler),
  bind(submit, submitHandler),
  bind(approve, approveHandler),
  bind(reject, rejectHandler),
  bind(articles, articlesHandler),
  bind(article, articleHandler),
  bind(previewAudience, previewAudienceHandler),
  bind(push, pushHandler),
  bind(feed, feedHandler),
  bind(markRead, markReadHandler),
  bind(reach, reachHandler),
  bind(scheduleLive, scheduleLiveHandler),
  bind(liveSessions, liveSessionsHandler),
  bind(registerLive, registerLiveHandler),
  bind(askQuestion, askQuestionHandler),
  bind(liveQuestions, liveQuestionsHandler),
]);
