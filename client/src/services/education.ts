// Only types come from @shared/api here: a runtime import of a contract would pull zod into the
// main-package pages (健康 tab, reader) that use this service.
import type { InputOf, OutputOf } from '@shared/api/define';
import type {
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
import Taro from '@tarojs/taro';
import { invoke } from './api';

export const eduFeed = () => invoke<OutputOf<typeof feed>>('education', 'feed', {});
export const readArticle = (articleId: string) =>
  invoke<OutputOf<typeof article>>('education', 'article', { articleId });
export const markArticleRead = (input: InputOf<typeof markRead>) =>
  invoke<OutputOf<typeof markRead>>('education', 'markRead', input);
export const listArticles = (input: InputOf<typeof articles> = {}) =>
  invoke<OutputOf<typeof articles>>('education', 'articles', input);
export const draftArticle = (input: InputOf<typeof draft>) =>
  invoke<OutputOf<typeof draft>>('education', 'draft', input);
export const updateArticle = (input: InputOf<typeof update>) =>
  invoke<OutputOf<typeof update>>('education', 'update', input);
export const submitArticle = (articleId: string) =>
  invoke<OutputOf<typeof submit>>('education', 'submit', { articleId });
export const approveArticle = (articleId: string) =>
  invoke<OutputOf<typeof approve>>('education', 'approve', { articleId });
export const rejectArticle = (input: InputOf<typeof reject>) =>
  invoke<OutputOf<typeof reject>>('education', 'reject', input);
export const previewArticleAudience = (input: InputOf<typeof previewAudience>) =>
  invoke<OutputOf<typeof previewAudience>>('education', 'previewAudience', input);
export const pushArticle = (input: InputOf<typeof push>) =>
  invoke<OutputOf<typeof push>>('education', 'push', input);
export const getReach = (input: InputOf<typeof reach>) =>
  invoke<OutputOf<typeof reach>>('education', 'reach', input);
export const getLiveSessions = () => invoke<OutputOf<typeof liveSessions>>('education', 'liveSessions', {});
export const scheduleLiveSession = (input: InputOf<typeof scheduleLive>) =>
  invoke<OutputOf<typeof scheduleLive>>('education', 'scheduleLive', input);
export const registerForLive = (sessionId: string) =>
  invoke<OutputOf<typeof registerLive>>('education', 'registerLive', { sessionId });
export const askLiveQuestion = (input: InputOf<typeof askQuestion>) =>
  invoke<OutputOf<typeof askQuestion>>('education', 'askQuestion', input);
export const getLiveQuestions = (sessionId: string) =>
  invoke<OutputOf<typeof liveQuestions>>('education', 'liveQuestions', { sessionId });

function gatewayBase(): string {
  return typeof GATEWAY_BASE === 'string' ? GATEWAY_BASE : '';
}

/** Reads a local (blob:) image as a data URL, for the H5 upload route. */
async function asDataUrl(path: string): Promise<string> {
  const blob = await (await fetch(path)).blob();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/**
 * Lets the author pick one image and uploads it to storage under `education/`; returns its file id
 * (cloud://…) and a local preview path. weapp: wx.cloud.uploadFile; H5: the emulator's upload route.
 */
export async function pickAndUploadImage(): Promise<{ fileId: string; preview: string } | undefined> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
  const path = picked.tempFilePaths[0];
  if (!path) return undefined;
  const cloudPath = `education/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.png`;
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: path });
    return { fileId: res.fileID, preview: path };
  }
  const res = await fetch(`${gatewayBase()}/storage/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cloudPath, dataUrl: await asDataUrl(path) }),
  });
  const body = (await res.json()) as { fileID?: string };
  if (!body.fileID) throw new Error('upload failed');
  return { fileId: body.fileID, preview: path };
}
