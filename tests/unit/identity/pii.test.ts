import {
  decryptPii,
  encryptPii,
  generatePiiKey,
  lookupHash,
  PII_KEY_ENV,
} from '../../../cloudfunctions/_lib/pii';
import { demoIdNumber } from '../../../scripts/seed/demo-identities';

describe('personal data sealing', () => {
  const id = demoIdNumber('330102', '1970-01-01', 17);
  beforeEach(() => {
    process.env[PII_KEY_ENV] = generatePiiKey();
  });

  it('round-trips, with a fresh IV each time and no plaintext in the ciphertext', () => {
    const a = encryptPii(id);
    const b = encryptPii(id);
    expect(a).not.toBe(b);
    expect(a).not.toContain(id);
    expect(a).not.toContain(id.slice(6, 14));
    expect(decryptPii(a)).toBe(id);
  });

  it('refuses tampered ciphertext and another key', () => {
    const sealed = encryptPii(id);
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(() => decryptPii([parts[0], parts[1], parts[2], ct.toString('base64url')].join('.'))).toThrow();
    process.env[PII_KEY_ENV] = generatePiiKey();
    expect(() => decryptPii(sealed)).toThrow();
  });

  it('hashes are keyed and separated by kind', () => {
    const h = lookupHash('id', id);
    expect(lookupHash('id', id)).toBe(h);
    expect(lookupHash('mobile', id)).not.toBe(h);
    process.env[PII_KEY_ENV] = generatePiiKey();
    expect(lookupHash('id', id)).not.toBe(h);
  });

  it('fails closed without a key, and the message carries no value', () => {
    process.env[PII_KEY_ENV] = 'not-a-key';
    expect(() => encryptPii(id)).toThrow(`${PII_KEY_ENV} must be 64 hex characters (32 bytes)`);
    delete process.env[PII_KEY_ENV];
    expect(() => lookupHash('id', id)).toThrow(/JY_PII_KEY/);
  });

  it('demo ID numbers are checksum-valid', () => {
    expect(id).toMatch(/^\d{17}[\dX]$/);
  });
});
