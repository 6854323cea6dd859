import cloudbase from '@cloudbase/node-sdk';

/** Storage access (signature images in, contract PDFs out) through the same SDK as the database. */
export class FileStore {
  private readonly app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });

  /** The bytes of a stored file, or undefined when it does not exist. */
  async download(fileId: string): Promise<Buffer | undefined> {
    try {
      const r = await this.app.downloadFile({ fileID: fileId });
      return r.fileContent as Buffer | undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores bytes at a path; returns the file id (no URL: the file stays private). */
  async store(cloudPath: string, bytes: Uint8Array): Promise<{ fileId: string }> {
    const up = await this.app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
    return { fileId: up.fileID };
  }

  /** Stores bytes at a path; returns the file id and a download URL. */
  async upload(cloudPath: string, bytes: Uint8Array): Promise<{ fileId: string; url: string }> {
    const up = await this.app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
    const urls = await this.app.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 3600 }] });
    return { fileId: up.fileID, url: urls.fileList[0]?.tempFileURL ?? '' };
  }
}
