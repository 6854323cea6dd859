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

export const ZSendInput = z.object({ residentId: zId.optional(), text: zText });
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
  }),
  errors: ['CONSULT_NOT_SIGNED', 'CONTENT_REFUSED', 'CONTENT_CHECK_UNAVAILABLE'],
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
});
export const inbox = defineAction({
  fn: 'consult',
  action: 'inbox',
  summary: "The team's unanswered conversations by time left (overdue first), with counts",
  input: z.object({
    teamId: zId.optional(),
    filter: z.enum(['awaiting', 'overdue']).default('awaiting'),
    limit: z.number().int().min(1).max(50).default(20),
  }),
  output: z.object({
    teamId: zId,
    items: z.array(ZInboxItem),
    counts: z.object({ awaiting: z.number().int(), overdue: z.number().int() }),
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
    outcome: z.enum(['answered', 'booked', 'referred', 'no_reply']).default('answered'),
  }),
  output: z.object({ consultId: z.string(), status: z.literal('closed') }),
  errors: ['CONSULT_NOT_FOUND'],
  access: TEAM,
});

export const CONSULT_ACTIONS = [open, send, thread, inbox, reply, close];
