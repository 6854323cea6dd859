import cloudbase from '@cloudbase/node-sdk';

type App = ReturnType<typeof cloudbase.init>;
const currentApp = (): App => cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });

/** How long a photo's temp URL lives (s): long enough to look at, short enough not to be shared. */
export const PHOTO_URL_AGE_S = 600;
/** The checker fetches the photo through a temp URL of this age (WeChat answers within ~30 min). */
const CHECK_URL_AGE_S = 3600;

/**
 * A photo of the conversation of `residentId` must sit under its private folder
 * `consult/<residentId>/` (the page uploads there): the server never attaches an arbitrary stored
 * file (a signature, a contract PDF) to a conversation.
 */
export const isConsultPhotoOf = (fileId: string, residentId: string): boolean => {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  const p = m?.[1] ?? '';
  return (
    p.startsWith(`consult/${residentId}/`) &&
    /^[A-Za-z0-9_.-]+$/.test(p.slice(`consult/${residentId}/`.length))
  );
};

/** Temp URLs of stored files (one storage request); missing files map to undefined. */
export async function tempUrls(
  fileIds: readonly string[],
  maxAge: number = PHOTO_URL_AGE_S,
  app: App = currentApp(),
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  if (!unique.length) return out;
  const r = await app.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge })) });
  for (const f of r.fileList ?? []) {
    if (f.code === 'SUCCESS' && f.tempFileURL) out.set(f.fileID, f.tempFileURL);
  }
  return out;
}

export type MediaStart = { ok: true; traceIds: string[] } | { ok: false; reason: 'missing' | 'unavailable' };

/**
 * Starts WeChat's asynchronous image check (security.mediaCheckAsync v2, scene 2) for each file:
 * answers the trace ids; the verdicts arrive later as `wxa_media_check` pushes (support in
 * verdict.handler.ts). A file that does not exist, or a check that cannot start, fails closed.
 */
export async function startImageChecks(
  openid: string,
  fileIds: readonly string[],
  app: App = currentApp(),
): Promise<MediaStart> {
  let urls: Map<string, string>;
  try {
    urls = await tempUrls(fileIds, CHECK_URL_AGE_S, app);
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (fileIds.some((f) => !urls.has(f))) return { ok: false, reason: 'missing' };
  try {
    const traceIds = await Promise.all(
      fileIds.map(async (f) => {
        const r = await app.callWxOpenApi({
          apiName: 'security.mediaCheckAsync',
          requestData: { media_url: urls.get(f), media_type: 2, version: 2, scene: 2, openid },
        });
        const raw = r.result as unknown;
        const res = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
          errcode?: number;
          trace_id?: string;
        };
        if (!res || (res.errcode ?? 0) !== 0 || !res.trace_id) throw new Error('media check not started');
        return res.trace_id;
      }),
    );
    return { ok: true, traceIds };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/** Removes refused photos from storage (best effort: they are never served either way). */
export async function deleteFiles(fileIds: readonly string[], app: App = currentApp()): Promise<void> {
  if (!fileIds.length) return;
  try {
    await app.deleteFile({ fileList: [...fileIds] });
  } catch {
    // Never served (no temp URL is handed out for a refused photo); a sweep may remove it later.
  }
}
