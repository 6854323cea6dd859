import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (docs/privacy.md). ID numbers and phones are stored as AES-256-GCM
 * ciphertext plus a keyed HMAC-SHA256 for look-up, so neither a database dump nor a leaked hash
 * table yields a number (an unkeyed hash of an 18-digit ID is brute-forced in minutes).
 *
 * One master key (`JY_PII_KEY`, 32 bytes as 64 hex characters) is set on each function in
 * production; locally `npm start` and the tests generate one per data folder. Two sub-keys are
 * derived with HKDF so the look-up hash cannot be used to decrypt and vice versa.
 */
export const PII_KEY_ENV = 'JY_PII_KEY';

type Keys = { enc: Buffer; mac: Buffer };
let cached: { raw: string; keys: Keys } | null = null;

function keys(): Keys {
  const raw = process.env[PII_KEY_ENV] ?? '';
  if (cached?.raw === raw) return cached.keys;
  // Never echo the value: the message says what is wrong, not what was found.
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new Error(`${PII_KEY_ENV} must be 64 hex characters (32 bytes)`);
  const master = Buffer.from(raw, 'hex');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const k = { enc: derive('jy-pii-aes-256-gcm-v1'), mac: derive('jy-pii-lookup-hmac-v1') };
  cached = { raw, keys: k };
  return k;
}

/** A fresh random master key, hex encoded (for local data folders and deployment set-up). */
export const generatePiiKey = (): string => randomBytes(32).toString('hex');

/** Encrypts a value: `v1.<iv>.<tag>.<ciphertext>` (base64url parts). A fresh IV per call. */
export function encryptPii(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys().enc, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts a value written by encryptPii; throws if it was tampered with or the key differs. */
export function decryptPii(sealed: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unrecognised ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', keys().enc, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Keyed look-up hash. `kind` separates name spaces, so an ID number and a phone with the same
 * digits never share a hash: lookupHash('id', '…') ≠ lookupHash('mobile', '…').
 */
export function lookupHash(kind: 'id' | 'mobile' | 'openid' | 'bind' | 'search', value: string): string {
  return createHmac('sha256', keys().mac).update(`${kind}:${value}`).digest('hex');
}

/** A sealed personal value as stored: ciphertext, look-up hash, and the mask shown in lists. */
export type SealedPii = { enc: string; hash: string; masked: string };

/** Seals a value for storage with its mask, so lists never need to decrypt. */
export const sealPii = (kind: 'id' | 'mobile', value: string, mask: (v: string) => string): SealedPii => ({
  enc: encryptPii(value),
  hash: lookupHash(kind, value),
  masked: mask(value),
});
