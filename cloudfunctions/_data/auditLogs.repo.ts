import { COLLECTIONS } from '@shared/constants/collections';
import type { AuditEntry } from '@shared/db/schemas/auditLogs';
import type { Database } from '../_lib/db';

/** Appends audit records (one request per record; audits are few per call). */
export async function append(db: Database, entries: readonly AuditEntry[], at: Date): Promise<void> {
  const logs = db.collection(COLLECTIONS.auditLogs);
  for (const e of entries) await logs.add({ ...e, at });
}
