import { createHash } from 'node:crypto';
import {
  type AgreementFacts,
  type CanonicalAgreement,
  canonicalAgreement,
  canonicalJson,
  sealInput,
  verificationCode,
} from '@shared/contract/agreement';

/** SHA-256 hex of bytes or text. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** PNG files start with these eight bytes; anything else is not a signature image. */
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A drawn signature is a few tens of KB; refuse anything that is clearly not one. */
export const MAX_SIGNATURE_BYTES = 1_000_000;

/** True when the bytes are a PNG of plausible size. */
export const isSignaturePng = (b: Buffer | undefined): b is Buffer =>
  b !== undefined &&
  b.length > PNG_MAGIC.length &&
  b.length <= MAX_SIGNATURE_BYTES &&
  b.subarray(0, 8).equals(PNG_MAGIC);

/** The tamper-evidence seal: digest of the canonical agreement, of the signature file, and of both. */
export type Seal = {
  agreement: CanonicalAgreement;
  agreementSha256: string;
  signatureSha256: string;
  sealSha256: string;
  verificationCode: string;
};

/** Seals an agreement with its signature image. */
export const sealAgreement = (facts: AgreementFacts, signature: Buffer): Seal => {
  const agreement = canonicalAgreement(facts);
  return resealStored(agreement, sha256(signature));
};

/** Recomputes the seal from a stored canonical agreement and a signature digest (verify, PDF). */
export const resealStored = (agreement: CanonicalAgreement, signatureSha256: string): Seal => {
  const agreementSha256 = sha256(canonicalJson(agreement));
  const sealSha256 = sha256(sealInput(agreementSha256, signatureSha256));
  return {
    agreement,
    agreementSha256,
    signatureSha256,
    sealSha256,
    verificationCode: verificationCode(sealSha256),
  };
};
