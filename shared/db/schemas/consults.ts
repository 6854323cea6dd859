import { z } from '../../api/zod';

/**
 * One conversation between a resident and their signed TEAM (not one person): `_id` is
 * `cs_<residentId>`, reopened by the next question after a close. `awaiting` is true while the team
 * owes an answer; `dueAt` (server-computed from shared/consult/rules.ts) orders the team's inbox in
 * one indexed query (teamId + awaiting + dueAt). Message bodies live in `consultMessages`.
 */
export const ZConsultDoc = z.object({
  _id: z.string().min(1),
  residentId: z.string(),
  teamId: z.string(),
  institutionId: z.string().optional(),
  status: z.enum(['open', 'closed']),
  awaiting: z.boolean(),
  dueAt: z.date().nullable(),
  /** When the unanswered question came in (response-time figures for stats). */
  askedAt: z.date().nullable(),
  lastAt: z.date(),
  lastFrom: z.enum(['resident', 'team']),
  messageCount: z.number().int().min(0),
  outcome: z.string().optional(),
  closedAt: z.date().optional(),
  closedBy: z.string().optional(),
  createdAt: z.date(),
});
export type ConsultDoc = z.infer<typeof ZConsultDoc>;

/** One message of a conversation: only content that passed security.msgSecCheck is stored. */
export const ZConsultMessageDoc = z.object({
  _id: z.string().min(1),
  consultId: z.string(),
  residentId: z.string(),
  teamId: z.string(),
  from: z.enum(['resident', 'team']),
  text: z.string(),
  /** Resident side: who wrote (the resident or a family proxy), as the team sees it. */
  writerResidentId: z.string().optional(),
  writerName: z.string().optional(),
  proxy: z.boolean().optional(),
  /** Team side: who answered, as the resident sees it. */
  staffId: z.string().optional(),
  staffName: z.string().optional(),
  staffPosition: z.string().optional(),
  emergency: z.boolean().optional(),
  createdAt: z.date(),
});
export type ConsultMessageDoc = z.infer<typeof ZConsultMessageDoc>;
