import { randomBytes } from 'node:crypto';

/** A new document id with a readable prefix: newId('ap') → 'ap_3f9c…' (16 hex). */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(8).toString('hex')}`;
