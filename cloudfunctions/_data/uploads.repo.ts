import { createHash } from 'node:crypto';
import { COLLECTIONS } from '@shared/constants/collections';
import type { UploadDoc } from '@shared/db/schemas/uploads';
import type { Database } from '../_lib/db';

/** Files the server stored for a caller (schema: shared/db/schemas/uploads.ts). */
const coll = (db: Database) => db.collection(COLLECTIONS.uploads);

/** The record's id for a storage file id (deterministic: one record per file). */
export const uploadIdFor = (fileId: string): string =>
  `up_${createHash('sha256').update(fileId).digest('hex').slice(0, 32)}`;

/** Records an upload. */
export async function record(db: Database, doc: Omit<UploadDoc, '_id'>): Promise<void> {
  await coll(db).doc(uploadIdFor(doc.fileId)).set(doc);
}

/** The record of a file, or undefined when the server never stored it for anyone. */
export async function findByFileId(db: Database, fileId: string): Promise<UploadDoc | undefined> {
  const { data } = await coll(db).doc(uploadIdFor(fileId)).get();
  return data[0] as UploadDoc | undefined;
}
