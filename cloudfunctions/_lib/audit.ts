import type { AuditEntry } from '@shared/db/schemas/auditLogs';
import * as auditLogs from '../_data/auditLogs.repo';
import type { Database } from './db';

export { AUDIT_EVENTS, type AuditEntry, type AuditEvent } from '@shared/db/schemas/auditLogs';

/** Appends audit records (one request per record; audits are few per call). */
export async function writeAudit(db: Database, entries: readonly AuditEntry[], at: Date): Promise<void> {
  await auditLogs.append(db, entries, at);
}
