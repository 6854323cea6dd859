import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAMES } from '../../../shared/constants/collections';

// Clients never touch the database directly: every collection, and only those, is denied.
const file = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../database/permissions.json'), 'utf8'),
) as { collections: Record<string, { read: unknown; write: unknown }> };

test('database/permissions.json denies client read and write on every collection', () => {
  expect(Object.keys(file.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
  for (const rule of Object.values(file.collections)) expect(rule).toEqual({ read: false, write: false });
});
