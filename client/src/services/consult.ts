// Types only from @shared/api: a runtime import would pull zod into whatever page uses this.
import type { close, inbox, open, reply, send, thread } from '@shared/api/consult';
import type { InputOf, OutputOf } from '@shared/api/define';
import { invoke } from './api';

/** The conversation with the caller's (or a family member's) signed team. */
export const openConsult = (input: InputOf<typeof open> = {}) =>
  invoke<OutputOf<typeof open>>('consult', 'open', input);

/** Sends a question; the answer says when to expect a reply and flags emergency words. */
export const sendConsult = (input: InputOf<typeof send>) =>
  invoke<OutputOf<typeof send>>('consult', 'send', input);

/** The messages of a conversation (resident: own/family; team: by consultId). */
export const getThread = (input: Partial<InputOf<typeof thread>> = {}) =>
  invoke<OutputOf<typeof thread>>('consult', 'thread', input);

/** The team's unanswered conversations, overdue first. */
export const getConsultInbox = (input: Partial<InputOf<typeof inbox>> = {}) =>
  invoke<OutputOf<typeof inbox>>('consult', 'inbox', input);

export const replyConsult = (input: InputOf<typeof reply>) =>
  invoke<OutputOf<typeof reply>>('consult', 'reply', input);

export const closeConsult = (input: Partial<InputOf<typeof close>> & { consultId: string }) =>
  invoke<OutputOf<typeof close>>('consult', 'close', input);
