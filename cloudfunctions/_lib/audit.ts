import { COLLECTIONS } from '@shared/constants/collections';
import type { CallerRole } from '@shared/constants/roles';
import type { Database } from './db';

/** What happened; values never appear here, only which fields were touched. */
export const AUDIT_EVENTS = [
  'pii.read', // a full ID number or phone left the server
  'proxy.act', // a resident acted for a family member
  'role.change', // a user's role changed (staff bound, resident verified)
  'staff.create', // an admin created a staff account and bind code
  'staff.bind', // a bind code was used
  'staff.bind_refused', // a wrong, expired or used bind code was tried
  'consent.grant',
  'consent.withdraw',
  'grid.member.write', // a grid worker registered, linked or changed a household member
  'grid.plates.print', // door plates reprinted (their old codes revoked)
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** One audit record: who (actor), what (event + action + fields), whose (subject), when (at). */
export type AuditEntry = {
  event: AuditEvent;
  action: string;
  actorUserId: string | null;
  actorRole: CallerRole;
  subject?: { residentId?: string; staffId?: string; userId?: string };
  fields?: string[];
  detail?: Record<string, string>;
};

/** Appends audit records (one request per record; audits are few per call). */
export async function writeAudit(db: Database, entries: readonly AuditEntry[], at: Date): Promise<void> {
  const logs = db.collection(COLLECTIONS.auditLogs);
  for (const e of entries) await logs.add({ ...e, at });
}
