import { randomBytes } from 'node:crypto';

/** A new random document id with a readable prefix: newId('res') → 'res_9f2c…'. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;
