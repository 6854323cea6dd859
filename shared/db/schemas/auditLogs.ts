import { z } from '../../api/zod';
import { CALLER_ROLES } from '../../constants/roles';

/** Audit events; values never appear in a record, only which fields were touched. */
export const AUDIT_EVENTS = [
  'pii.read', // a full ID number or phone left the server
  'proxy.act', // a resident acted for a family member
  'role.change', // a user's role changed (staff bound, resident verified)
  'staff.create', // an admin created a staff account and bind code
  'staff.bind', // a bind code was used
  'staff.bind_refused', // a wrong, expired or used bind code was tried
  'consent.grant',
  'consent.withdraw',
  'proxy.request', // a resident asked to act for someone with an account of their own (issue 11)
  'proxy.grant', // that person accepted
  'proxy.decline', // that person declined
  'grid.member.write', // a grid worker registered, linked or changed a household member
  'grid.plates.print', // door plates reprinted (their old codes revoked)
  'consult.read', // a staff member read a resident's consultation messages (issue 18)
  'consult.refused', // a resident's text failed content security (the text itself is not kept)
  'consult.photoRefused', // a resident's photo failed security.mediaCheckAsync (file deleted)
  'stats.export', // an administrator exported figures or the roster (issue 17): which file, how many rows
  'staff.reissue', // an admin issued a new bind code for an unbound account (the old one stops working)
  'resident.search', // a staff member searched residents by name + tail (the inputs are not kept)
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** One `auditLogs` record: who (actor), what (event + action + fields), whose (subject), when (at). */
export const ZAuditLogDoc = z.object({
  _id: z.string().optional(),
  event: z.enum(AUDIT_EVENTS),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.enum(CALLER_ROLES),
  subject: z
    .object({
      residentId: z.string().optional(),
      staffId: z.string().optional(),
      userId: z.string().optional(),
    })
    .optional(),
  fields: z.array(z.string()).optional(),
  detail: z.record(z.string(), z.string()).optional(),
  at: z.date(),
});
export type AuditLogDoc = z.infer<typeof ZAuditLogDoc>;
export type AuditEntry = Omit<AuditLogDoc, '_id' | 'at'>;
