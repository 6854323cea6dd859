import { z } from '../../api/zod';

export const UPLOAD_KINDS = ['signature'] as const;

/**
 * An `uploads` document: a file the server stored for a caller (issue 11). Signing accepts only a
 * signature the caller uploaded through `contract.uploadSignature`, recently, of the right kind —
 * never an arbitrary stored file. `_id` = `up_<hash of the fileId>`.
 */
export const ZUploadDoc = z.object({
  _id: z.string(),
  fileId: z.string(),
  kind: z.enum(UPLOAD_KINDS),
  ownerUserId: z.string(),
  sha256: z.string(),
  bytes: z.number().int().min(1),
  createdAt: z.date(),
});
export type UploadDoc = z.infer<typeof ZUploadDoc>;
