import { z } from '../../api/zod';
import { KEY_POPULATION_TAGS } from '../../constants/tags';
import { REPORT_KINDS, REPORT_STATUSES } from '../../grid/config';

const ZActor = z.object({ userId: z.string(), staffId: z.string().optional(), name: z.string() });

/**
 * A grid report (网格吹哨): routed to the household's team with an acknowledgement deadline from
 * shared/grid; acknowledged (家医报到) and resolved with the intervention, each with who and when.
 * `_id` is derived from the reporter and the client's request id, so a resend from the offline
 * queue finds the report it already made. `escalatedAt` marks that the overdue alert to the
 * institution admin has been queued (once).
 */
export const ZReportDoc = z.object({
  _id: z.string().min(1),
  kind: z.enum(REPORT_KINDS),
  tag: z.enum(KEY_POPULATION_TAGS).optional(),
  note: z.string().optional(),
  status: z.enum(REPORT_STATUSES),
  householdId: z.string(),
  address: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  villageId: z.string(),
  teamId: z.string(),
  institutionId: z.string().optional(),
  districtId: z.string(),
  residentId: z.string().optional(),
  /** Masked name for lists (张*兰): lists never decrypt or join. */
  residentName: z.string().optional(),
  reporterUserId: z.string(),
  reporter: ZActor,
  requestId: z.string(),
  reportedAt: z.date(),
  ackDueAt: z.date(),
  acknowledgedAt: z.date().optional(),
  acknowledgedBy: ZActor.optional(),
  resolvedAt: z.date().optional(),
  resolvedBy: ZActor.optional(),
  intervention: z.string().optional(),
  adopted: z.boolean().optional(),
  escalatedAt: z.date().optional(),
});
export type ReportDoc = z.infer<typeof ZReportDoc>;
