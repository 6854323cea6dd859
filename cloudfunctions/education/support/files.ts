import cloudbase from '@cloudbase/node-sdk';

/**
 * Temporary download URLs for stored images, one request for all of them. A file that cannot be
 * resolved maps to '' (the reader shows the caption only).
 */
export async function downloadUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return new Map();
  try {
    const app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });
    const r = await app.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge: 3600 })) });
    return new Map(
      r.fileList.map((f: { fileID: string; tempFileURL?: string }) => [f.fileID, f.tempFileURL ?? '']),
    );
  } catch {
    return new Map(unique.map((id) => [id, '']));
  }
}
