import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EmuError } from './ejson';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A temp URL lives this long unless the caller asks for less (CloudBase's max_age, seconds). */
const DEFAULT_URL_AGE_S = 3600;
const MAX_URL_AGE_S = 86_400;
/** Files under this prefix are world-readable (e.g. article covers); everything else is private. */
export const PUBLIC_PREFIX = 'public/';

/**
 * Cloud storage kept as plain files under `<dataDir>/storage/`. Like a private CloudBase bucket,
 * a file is served only through a temp URL (signed, expiring) that the admin SDK — i.e. a
 * function that has authorised its caller — asked for; knowing a path is not enough.
 */
export class Storage {
  readonly root: string;
  /** Signs temp URLs; per process, so URLs do not outlive the emulator (they expire anyway). */
  private readonly urlKey = crypto.randomBytes(32);

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage');
    fs.mkdirSync(this.root, { recursive: true });
  }

  get bucket(): string {
    return `${this.envId}-local-1250000000`;
  }

  /** Cleans a cloud path; refuses traversal and absolute paths. */
  cleanPath(p: unknown): string {
    if (typeof p !== 'string' || !p.trim()) throw new EmuError('INVALID_PARAM', 'cloudPath is required');
    const norm = path.posix.normalize(p.replace(/\\/g, '/').replace(/^\/+/, ''));
    if (norm.startsWith('..') || norm.includes('/../') || norm === '.' || norm.includes('\0')) {
      throw new EmuError('INVALID_PARAM', 'invalid cloudPath');
    }
    return norm;
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`;
  }

  /** cloud://env.bucket/path → path (null when it is not one of ours). */
  pathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null;
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    if (!m) return null;
    try {
      return this.cleanPath(m[1]);
    } catch {
      return null;
    }
  }

  diskPath(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  uploadMetadata(p: unknown): Record<string, unknown> {
    const cloudPath = this.cleanPath(p);
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/');
    return {
      url: `${this.baseUrl()}/_storage/upload/${encoded}`,
      token: 'local-token',
      authorization: `q-sign-algorithm=sha1&q-signature=${crypto.randomBytes(10).toString('hex')}`,
      fileId: this.fileId(cloudPath),
      cosFileId: `cos-${crypto.randomBytes(8).toString('hex')}`,
      download_url: this.downloadUrl(cloudPath),
    };
  }

  private signatureOf(cloudPath: string, expires: number): string {
    return crypto
      .createHmac('sha256', this.urlKey)
      .update(`${cloudPath}\n${expires}`)
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * A temp URL: `…/_storage/files/<path>?t=<expiry s>&sign=<hmac>`. Unencoded on purpose: the SDK
   * GETs encodeURI(tempFileURL).
   */
  downloadUrl(cloudPath: string, maxAgeS: number = DEFAULT_URL_AGE_S): string {
    const age = Math.min(Math.max(1, Math.floor(maxAgeS) || DEFAULT_URL_AGE_S), MAX_URL_AGE_S);
    const expires = Math.floor(Date.now() / 1000) + age;
    return `${this.baseUrl()}/_storage/files/${cloudPath}?t=${expires}&sign=${this.signatureOf(cloudPath, expires)}`;
  }

  /** True when a GET of `cloudPath` carries a valid, unexpired temp-URL signature (or the file is public). */
  mayServe(cloudPath: string, t: string | null, sign: string | null): boolean {
    if (cloudPath.startsWith(PUBLIC_PREFIX)) return true;
    const expires = Number(t);
    if (!Number.isInteger(expires) || !sign || expires * 1000 < Date.now()) return false;
    const want = Buffer.from(this.signatureOf(cloudPath, expires));
    const got = Buffer.from(sign);
    return want.length === got.length && crypto.timingSafeEqual(want, got);
  }

  write(cloudPath: string, data: Buffer): void {
    const file = this.diskPath(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }

  read(cloudPath: string): { data: Buffer; type: string } | null {
    const file = this.diskPath(cloudPath);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
    return {
      data: fs.readFileSync(file),
      type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
  }

  batchDownload(list: unknown): unknown[] {
    if (!Array.isArray(list)) throw new EmuError('INVALID_PARAM', 'file_list must be an array');
    return list.map((f) => {
      const fileID = (f as { fileid?: unknown })?.fileid;
      const maxAge = Number((f as { max_age?: unknown })?.max_age);
      const p = this.pathOf(fileID);
      if (!p || !fs.existsSync(this.diskPath(p))) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
      }
      return { fileID, tempFileURL: this.downloadUrl(p, maxAge || DEFAULT_URL_AGE_S), code: 'SUCCESS' };
    });
  }

  batchDelete(list: unknown): unknown[] {
    if (!Array.isArray(list)) throw new EmuError('INVALID_PARAM', 'fileid_list must be an array');
    return list.map((fileID) => {
      const p = this.pathOf(fileID);
      if (!p || !fs.existsSync(this.diskPath(p))) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
      fs.unlinkSync(this.diskPath(p));
      return { fileID, code: 'SUCCESS' };
    });
  }
}
