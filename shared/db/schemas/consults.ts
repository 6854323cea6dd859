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
  /** The team member who answered last: the inbox's 'mine' filter (follow-ups to my answers). */
  lastStaffId: z.string().optional(),
  /** Bookings / home-visit requests the resident started from this conversation. */
  links: z
    .array(
      z.object({
        kind: z.enum(['booking', 'homeVisit']),
        at: z.date(),
        refId: z.string().optional(),
      }),
    )
    .optional(),
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
  /**
   * Photos (a prescription box, a rash, a report page): private storage files, each checked with
   * security.mediaCheckAsync (the photo and its thumbnail). `pending` until both verdicts arrive;
   * only `visible` ones are ever shown (temp URLs) to anyone.
   */
  photos: z
    .array(
      z.object({
        fileId: z.string(),
        thumbFileId: z.string(),
        status: z.enum(['pending', 'visible', 'refused']),
        checks: z.object({
          photo: z.enum(['pending', 'pass', 'refused']),
          thumb: z.enum(['pending', 'pass', 'refused']),
        }),
      }),
    )
    .optional(),
  /** A system line: the resident started a booking / home-visit request from the conversation. */
  link: z.object({ kind: z.enum(['booking', 'homeVisit']), refId: z.string().optional() }).optional(),
  /** Team side, the answer that cleared a question: minutes since it was asked, and on time? */
  firstAnswer: z.boolean().optional(),
  responseMinutes: z.number().int().min(0).optional(),
  withinPromise: z.boolean().optional(),
  createdAt: z.date(),
});
export type ConsultMessageDoc = z.infer<typeof ZConsultMessageDoc>;

/** A reply template kept per team (any member of the team may add, edit or remove it). */
export const ZConsultTemplateDoc = z.object({
  _id: z.string().min(1),
  teamId: z.string(),
  title: z.string(),
  text: z.string(),
  byStaffId: z.string().optional(),
  byName: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ConsultTemplateDoc = z.infer<typeof ZConsultTemplateDoc>;

/**
 * A media check awaiting WeChat's verdict: `_id` = `mc_<trace_id>`, naming the photo it decides.
 * The wxa_media_check push finds it by id (one read) and sets `verdict`.
 */
export const ZConsultMediaDoc = z.object({
  _id: z.string().min(1),
  messageId: z.string(),
  consultId: z.string(),
  residentId: z.string(),
  index: z.number().int().min(0),
  part: z.enum(['photo', 'thumb']),
  verdict: z.enum(['pending', 'pass', 'refused']),
  label: z.number().int().optional(),
  createdAt: z.date(),
  decidedAt: z.date().optional(),
});
export type ConsultMediaDoc = z.infer<typeof ZConsultMediaDoc>;
