// Types only from @shared/api: a runtime import would pull zod into whatever page uses this.
import type {
  close,
  deleteTemplate,
  inbox,
  link,
  open,
  reply,
  saveTemplate,
  send,
  templates,
  thread,
} from '@shared/api/consult';
import type { InputOf, OutputOf } from '@shared/api/define';
import Taro from '@tarojs/taro';
import { invoke } from './api';

/** The conversation with the caller's (or a family member's) signed team. */
export const openConsult = (input: InputOf<typeof open> = {}) =>
  invoke<OutputOf<typeof open>>('consult', 'open', input);

type PhotoRef = { fileId: string; thumbFileId: string };

/** Sends a question; the answer says when to expect a reply and flags emergency words. */
export const sendConsult = (input: Omit<InputOf<typeof send>, 'photos'> & { photos?: PhotoRef[] }) =>
  invoke<OutputOf<typeof send>>('consult', 'send', input);

/** The messages of a conversation (resident: own/family; team: by consultId). */
export const getThread = (input: Partial<InputOf<typeof thread>> = {}) =>
  invoke<OutputOf<typeof thread>>('consult', 'thread', input);

/** The team's unanswered conversations, overdue first. */
export const getConsultInbox = (input: Partial<InputOf<typeof inbox>> = {}) =>
  invoke<OutputOf<typeof inbox>>('consult', 'inbox', input);

export const replyConsult = (input: InputOf<typeof reply>) =>
  invoke<OutputOf<typeof reply>>('consult', 'reply', input);

export const closeConsult = (input: Partial<InputOf<typeof close>> & { consultId: string }) =>
  invoke<OutputOf<typeof close>>('consult', 'close', input);

/** The team's reply templates. */
export const getTemplates = (input: InputOf<typeof templates> = {}) =>
  invoke<OutputOf<typeof templates>>('consult', 'templates', input);

export const saveConsultTemplate = (input: InputOf<typeof saveTemplate>) =>
  invoke<OutputOf<typeof saveTemplate>>('consult', 'saveTemplate', input);

export const deleteConsultTemplate = (input: InputOf<typeof deleteTemplate>) =>
  invoke<OutputOf<typeof deleteTemplate>>('consult', 'deleteTemplate', input);

/** Records that the resident turned the conversation into a booking / home-visit request. */
export const linkConsult = (input: InputOf<typeof link>) =>
  invoke<OutputOf<typeof link>>('consult', 'link', input);

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

declare const GATEWAY_BASE: string | undefined;
const gatewayBase = (): string => (typeof GATEWAY_BASE === 'string' ? GATEWAY_BASE : '');

async function uploadTo(cloudPath: string, filePath: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return res.fileID;
  }
  const res = await fetch(`${gatewayBase()}/storage/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cloudPath,
      dataUrl: filePath.startsWith('data:') ? filePath : await asDataUrl(filePath),
    }),
  });
  const body = (await res.json()) as { fileID?: string };
  if (!body.fileID) throw new Error('upload failed');
  return body.fileID;
}

/** H5: a JPEG at most 240 px on its longer side, drawn on a canvas (a data URL). */
async function h5Thumbnail(path: string): Promise<string> {
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('image unreadable'));
    img.src = path;
  });
  const scale = Math.min(1, 240 / Math.max(img.naturalWidth || 1, img.naturalHeight || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round((img.naturalWidth || 1) * scale));
  canvas.height = Math.max(1, Math.round((img.naturalHeight || 1) * scale));
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.7);
}

/** A smaller copy for the thumbnail (weapp: Taro.compressImage; H5: a canvas). */
async function thumbnailOf(path: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return h5Thumbnail(path).catch(() => path);
  try {
    const r = await Taro.compressImage({ src: path, quality: 30 });
    return r.tempFilePath;
  } catch {
    return path;
  }
}

/**
 * Uploads a picked photo and its thumbnail to the conversation's private folder
 * `consult/<residentId>/` (never public: the server hands out temp URLs only after WeChat's
 * content check). Answers the file ids for consult.send.
 */
export async function uploadConsultPhoto(residentId: string, path: string): Promise<PhotoRef> {
  const stem = `consult/${residentId}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const ext = /\.(png|jpe?g|gif|webp)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
  const fileId = await uploadTo(`${stem}.${ext}`, path);
  const thumb = await thumbnailOf(path);
  const thumbFileId = await uploadTo(
    `${stem}_thumb.${thumb.startsWith('data:image/jpeg') ? 'jpg' : ext}`,
    thumb,
  );
  return { fileId, thumbFileId };
}
