import { defineAction } from './define';
import { zId } from './fields';
import { z } from './zod';

/**
 * The `consult` function: a signed resident (or a family proxy) asks their TEAM; any team member
 * answers within the promise of shared/consult/rules.ts (docs/consult.md).
 */
const RESIDENT = { resident: 'family' } as const;
const TEAM = { doctor: 'team' } as const;
const zText = z.string().trim().min(1).max(500);
/** How a conversation ended (the team chooses when closing). */
export const CLOSE_OUTCOMES = ['answered', 'booked', 'home_visit', 'referred', 'no_reply'] as const;

export const ZConsultMessageView = z.object({
  messageId: z.string(),
  from: z.enum(['resident', 'team']),
  text: z.string(),
  at: z.date(),
  /** Resident side: who wrote (a family proxy shows as such to the team). */
  writerName: z.string().optional(),
  proxy: z.boolean().optional(),
  /** Team side: who answered, as the resident sees it. */
  staffName: z.string().optional(),
  positionLabel: z.string().optional(),
  emergency: z.boolean().optional(),
  /**
   * Photos: `visible` ones carry short-lived temp URLs (thumbnail and full size); `pending` ones
   * (WeChat has not judged them yet) and `refused` ones carry none, and the team never sees them.
   */
  photos: z
    .array(
      z.object({
        status: z.enum(['pending', 'visible', 'refused']),
        thumbUrl: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
  /** A system line: the resident started a booking / home visit from this conversation. */
  link: z.enum(['booking', 'homeVisit']).optional(),
});
export type TConsultMessageView = z.output<typeof ZConsultMessageView>;

const ZConversation = z.object({
  consultId: z.string(),
  residentId: zId,
  teamId: zId,
  teamName: z.string(),
  status: z.enum(['open', 'closed']),
  awaiting: z.boolean(),
  dueAt: z.date().nullable(),
  dueText: z.string().optional(),
  overdue: z.boolean(),
  promise: z.string(),
});

export const open = defineAction({
  fn: 'consult',
  action: 'open',
  summary: "Opens (or returns) the resident's conversation with their signed team",
  input: z.object({ residentId: zId.optional() }),
  output: ZConversation,
  errors: ['CONSULT_NOT_SIGNED'],
  access: RESIDENT,
});

/** A photo the page uploaded to `consult/<residentId>/…` (and its thumbnail beside it). */
const zFileId = z.string().min(8).max(300).startsWith('cloud://');
export const ZPhotoInput = z.object({ fileId: zFileId, thumbFileId: zFileId });
export const MAX_PHOTOS = 3;
export const ZSendInput = z.object({
  residentId: zId.optional(),
  text: zText,
  photos: z.array(ZPhotoInput).max(MAX_PHOTOS).default([]),
});
export const send = defineAction({
  fn: 'consult',
  action: 'send',
  summary: 'A question to the signed team, after content security; flags emergency words',
  input: ZSendInput,
  output: z.object({
    consultId: z.string(),
    messageId: z.string(),
    dueAt: z.date(),
    dueText: z.string(),
    emergency: z.boolean(),
    emergencyWords: z.array(z.string()),
    emergencyPhone: z.string().optional(),
    teamPhone: z.string().optional(),
    /** Photos wait for WeChat's verdict before the team can see them. */
    photosPending: z.number().int(),
  }),
  errors: ['CONSULT_NOT_SIGNED', 'CONTENT_REFUSED', 'CONTENT_CHECK_UNAVAILABLE', 'CONSULT_PHOTO_INVALID'],
  access: RESIDENT,
});

export const thread = defineAction({
  fn: 'consult',
  action: 'thread',
  summary: 'The messages of a conversation (resident, proxy, or the team — staff reads audited)',
  input: z.object({
    residentId: zId.optional(),
    consultId: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  }),
  output: z.object({
    conversation: ZConversation.nullable(),
    messages: z.array(ZConsultMessageView),
  }),
  errors: ['CONSULT_NOT_FOUND', 'NOT_FOUND'],
  access: { ...RESIDENT, ...TEAM },
});

export const ZInboxItem = z.object({
  consultId: z.string(),
  residentId: zId,
  nameMasked: z.string(),
  lastAt: z.date(),
  dueAt: z.date().nullable(),
  overdue: z.boolean(),
  minutesLeft: z.number().int(),
  /** Who of the team answered last (the 'mine' filter is the caller's own). */
  lastStaffName: z.string().optional(),
});
export const inbox = defineAction({
  fn: 'consult',
  action: 'inbox',
  summary: "The team's unanswered conversations by time left (overdue first), with counts",
  input: z.object({
    teamId: zId.optional(),
    /** awaiting: every unanswered one; mine: follow-ups to conversations I answered last; overdue. */
    filter: z.enum(['awaiting', 'mine', 'overdue']).default('awaiting'),
    limit: z.number().int().min(1).max(50).default(20),
  }),
  output: z.object({
    teamId: zId,
    items: z.array(ZInboxItem),
    counts: z.object({ awaiting: z.number().int(), overdue: z.number().int(), mine: z.number().int() }),
  }),
  errors: ['TEAM_NOT_FOUND'],
  access: TEAM,
});

export const reply = defineAction({
  fn: 'consult',
  action: 'reply',
  summary: "Any member of the resident's team answers; the resident sees name and position",
  input: z.object({ consultId: z.string().min(1).max(80), text: zText }),
  output: z.object({ consultId: z.string(), messageId: z.string() }),
  errors: ['CONSULT_NOT_FOUND'],
  access: TEAM,
});

export const close = defineAction({
  fn: 'consult',
  action: 'close',
  summary: 'Closes a conversation with an outcome (the next question reopens it)',
  input: z.object({
    consultId: z.string().min(1).max(80),
    outcome: z.enum(CLOSE_OUTCOMES).default('answered'),
  }),
  output: z.object({ consultId: z.string(), status: z.literal('closed') }),
  errors: ['CONSULT_NOT_FOUND'],
  access: TEAM,
});

export const ZTemplateView = z.object({
  templateId: z.string(),
  title: z.string(),
  text: z.string(),
  byName: z.string().optional(),
  updatedAt: z.date(),
});
export type TTemplateView = z.output<typeof ZTemplateView>;

export const templates = defineAction({
  fn: 'consult',
  action: 'templates',
  summary: "The team's reply templates, newest first",
  input: z.object({ teamId: zId.optional() }),
  output: z.object({ teamId: zId, items: z.array(ZTemplateView) }),
  errors: ['TEAM_NOT_FOUND'],
  access: TEAM,
});

export const MAX_TEMPLATES = 50;
export const saveTemplate = defineAction({
  fn: 'consult',
  action: 'saveTemplate',
  summary: 'Adds a reply template to the team, or edits one (any member of the team)',
  input: z.object({
    teamId: zId.optional(),
    templateId: z.string().min(1).max(80).optional(),
    title: z.string().trim().min(1).max(20),
    text: zText,
  }),
  output: z.object({ templateId: z.string() }),
  errors: ['TEAM_NOT_FOUND', 'CONSULT_TEMPLATE_NOT_FOUND', 'CONSULT_TEMPLATES_FULL'],
  access: TEAM,
});

export const deleteTemplate = defineAction({
  fn: 'consult',
  action: 'deleteTemplate',
  summary: "Removes one of the team's reply templates",
  input: z.object({ templateId: z.string().min(1).max(80) }),
  output: z.object({ templateId: z.string(), deleted: z.boolean() }),
  errors: ['CONSULT_TEMPLATE_NOT_FOUND'],
  access: TEAM,
});

export const link = defineAction({
  fn: 'consult',
  action: 'link',
  summary: 'Records that the resident turned the conversation into a booking or a home-visit request',
  input: z.object({
    residentId: zId.optional(),
    kind: z.enum(['booking', 'homeVisit']),
    refId: z.string().min(1).max(80).optional(),
  }),
  output: z.object({ consultId: z.string(), kind: z.enum(['booking', 'homeVisit']) }),
  errors: ['CONSULT_NOT_SIGNED'],
  access: RESIDENT,
});

export const CONSULT_ACTIONS = [
  open,
  send,
  thread,
  inbox,
  reply,
  close,
  templates,
  saveTemplate,
  deleteTemplate,
  link,
];
