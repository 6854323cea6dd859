import { randomBytes } from 'node:crypto';
import type { TUploadSignatureInput, uploadSignature } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import * as uploads from '../_data/uploads.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';
import { repos } from './support/common';
import { isSignaturePng, sha256 } from './support/seal';

/**
 * Stores the caller's handwritten signature under a path nobody can guess and records the upload
 * (owner, kind, digest, time). Signing later accepts this file only from the same caller, within
 * SIGNATURE_UPLOAD_TTL_MS, with the same bytes (issue 11: any stored PNG used to pass).
 */
export async function uploadSignatureHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: TUploadSignatureInput;
}): Promise<OutputOf<typeof uploadSignature>> {
  const userId = ctx.caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const bytes = Buffer.from(input.png.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (!isSignaturePng(bytes)) refuse('SIGNATURE_INVALID');
  const path = `signatures/${userId}/${randomBytes(12).toString('hex')}.png`;
  const { fileId } = await repos(ctx).files.store(path, bytes);
  await uploads.record(ctx.db, {
    fileId,
    kind: 'signature',
    ownerUserId: userId,
    sha256: sha256(bytes),
    bytes: bytes.length,
    createdAt: ctx.now,
  });
  return { signatureFileId: fileId };
}
